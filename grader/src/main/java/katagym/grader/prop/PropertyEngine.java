package katagym.grader.prop;

import java.util.Arrays;
import java.util.Optional;
import katagym.NotImplementedYet;

/**
 * Runs a property over generated values and shrinks the first failure, minithesis-style: the
 * failing case's choice sequence is edited (spans deleted, zeroed, values lowered, neighbours
 * sorted) and replayed, keeping the shortlex-smallest sequence that still fails.
 *
 * <p>Case {@code i} of a run with seed {@code S} is generated from {@link #caseSeed(long, int)};
 * case 0 uses {@code S} itself, so a failure's reported seed, passed back as the run seed, replays
 * that exact case first and shrinks it to the same counterexample.
 */
public final class PropertyEngine {

    /** How hard to look: cases to try, replays allowed while shrinking. */
    public record Config(long seed, int tries, int maxShrinkReplays) {
        public static Config of(long seed) { return new Config(seed, 100, 2000); }
        public Config withTries(int t) { return new Config(seed, t, maxShrinkReplays); }
    }

    /**
     * Told about each value before the property sees it, with the seed that replays its case (while
     * shrinking, the failing case's), so a timeout can name the input and how to replay it.
     */
    public interface Observer {
        Observer NONE = (v, seed) -> {};
        void trying(Object value, long caseSeed);
    }

    private PropertyEngine() {}

    public static long caseSeed(long runSeed, int caseIndex) {
        if (caseIndex == 0) return runSeed;
        long z = runSeed + 0x9E3779B97F4A7C15L * caseIndex;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE; // non-negative: easier to type back as --seed
    }

    /** Throws {@link PropertyFailed} with the shrunk counterexample when the property fails. */
    public static <T> void check(Gen<T> gen, Property<T> property, Config config, Observer observer) {
        find(gen, property, config, observer).ifPresent(f -> { throw new PropertyFailed(f); });
    }

    public static <T> Optional<Falsified> find(Gen<T> gen, Property<T> property, Config config, Observer observer) {
        int discarded = 0;
        int valid = 0;
        int maxAttempts = config.tries() * 10 + 100;
        for (int i = 0; i < maxAttempts && valid < config.tries(); i++) {
            long seed = caseSeed(config.seed(), i);
            long caseSeed = seed;
            Observer withSeed = (v, ignored) -> observer.trying(v, caseSeed);
            Outcome o = run(Source.random(seed), gen, property, withSeed);
            if (o.kind == Kind.INVALID) { discarded++; continue; }
            valid++;
            if (o.kind == Kind.FAIL) {
                Shrinker<T> shrinker = new Shrinker<>(gen, property, withSeed, config.maxShrinkReplays());
                Outcome best = shrinker.shrink(o);
                // describe a fresh copy: the subject may have modified the value it was given
                Object fresh = regenerate(gen, best);
                return Optional.of(new Falsified(fresh, Describe.value(fresh), best.failure,
                        seed, valid, shrinker.improvements, discarded));
            }
        }
        if (valid == 0) {
            throw new IllegalStateException("the generator rejected all " + discarded + " cases it tried: its assumptions are too strict");
        }
        return Optional.empty();
    }

    private static <T> Object regenerate(Gen<T> gen, Outcome o) {
        try {
            return gen.generate(Source.replay(o.choices));
        } catch (RuntimeException e) {
            return o.value;
        }
    }

    enum Kind { PASS, FAIL, INVALID }

    record Outcome(Kind kind, long[] choices, java.util.BitSet reals, Object value, Throwable failure) {}

    static <T> Outcome run(Source source, Gen<T> gen, Property<T> property, Observer observer) {
        if (Thread.currentThread().isInterrupted()) throw new Interrupted();
        T value;
        try {
            value = gen.generate(source);
        } catch (Source.Discard d) {
            return new Outcome(Kind.INVALID, source.choices(), source.realCodes(), null, null);
        }
        observer.trying(value, 0);
        try {
            property.check(value);
            return new Outcome(Kind.PASS, source.choices(), source.realCodes(), value, null);
        } catch (Source.Discard d) {
            return new Outcome(Kind.INVALID, source.choices(), source.realCodes(), value, null);
        } catch (NotImplementedYet | Interrupted | ThreadDeath | katagym.grader.guard.Guard.Cancelled e) {
            throw e;
        } catch (Throwable t) {
            // Assertion errors, learner exceptions, StackOverflowError, OutOfMemoryError: all failures.
            return new Outcome(Kind.FAIL, source.choices(), source.realCodes(), value, t);
        }
    }

    /** Thrown when the grading thread is interrupted (a kata over its time limit). */
    public static final class Interrupted extends RuntimeException {
        Interrupted() { super("interrupted", null, false, false); }
    }

    /** A failure in words: assertion messages as they are, other throwables with their type and origin. */
    public static String explain(Throwable t) {
        if (t == null) return "";
        if (t instanceof AssertionError && t.getMessage() != null) return t.getMessage();
        StringBuilder sb = new StringBuilder("threw ").append(t.getClass().getSimpleName());
        if (t.getMessage() != null) sb.append(": ").append(t.getMessage());
        StackTraceElement at = firstLearnerFrame(t);
        if (at != null) sb.append(" (at ").append(at.getFileName()).append(':').append(at.getLineNumber()).append(')');
        return sb.toString();
    }

    private static StackTraceElement firstLearnerFrame(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("katagym.") && !c.startsWith("katagym.grader.") && !c.endsWith("Spec")) return e;
        }
        return t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
    }

    static int shortlex(long[] a, long[] b) {
        if (a.length != b.length) return Integer.compare(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) return Long.compare(a[i], b[i]);
        }
        return 0;
    }

    /** The codes of simple magnitudes, in {@link FloatLex} order: 0 to 10, 100, 1000, then short fractions. */
    static final long[] SIMPLE_CODES = java.util.stream.DoubleStream.of(
                    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 50, 100, 1000,
                    0.5, 1.5, 2.5, 0.25, 0.75, 1.25, 0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 0.01, 0.001)
            .mapToLong(FloatLex::encode).sorted().toArray();

    private static final class Shrinker<T> {
        private final Gen<T> gen;
        private final Property<T> property;
        private final Observer observer;
        private final int maxReplays;
        private int replays;
        int improvements;
        private Outcome best;

        Shrinker(Gen<T> gen, Property<T> property, Observer observer, int maxReplays) {
            this.gen = gen;
            this.property = property;
            this.observer = observer;
            this.maxReplays = maxReplays;
        }

        Outcome shrink(Outcome failing) {
            best = failing;
            boolean progress = true;
            while (progress && replays < maxReplays) {
                progress = deleteSpans() | zeroSpans() | simplifyReals() | lowerValues() | sortNeighbours();
            }
            return best;
        }

        /** Replays a candidate; keeps it when it still fails and is simpler. */
        private boolean attempt(long[] candidate) {
            if (replays >= maxReplays || shortlex(candidate, best.choices) >= 0) return false;
            replays++;
            Outcome o = run(Source.replay(candidate), gen, property, observer);
            // never trade a clear failure for one within a few orders of magnitude of the tolerance
            boolean blurs = Margin.of(o.failure) < Margin.CLEAR && Margin.of(best.failure) >= Margin.CLEAR;
            if (o.kind == Kind.FAIL && !blurs && shortlex(o.choices, best.choices) < 0) {
                best = o;
                improvements++;
                return true;
            }
            return false;
        }

        private boolean deleteSpans() {
            boolean any = false;
            for (int k = 8; k >= 1; k /= 2) {
                for (int i = best.choices.length - k; i >= 0; i--) {
                    long[] c = best.choices;
                    if (i + k > c.length) continue;
                    long[] cand = new long[c.length - k];
                    System.arraycopy(c, 0, cand, 0, i);
                    System.arraycopy(c, i + k, cand, i, c.length - i - k);
                    any |= attempt(cand);
                }
            }
            return any;
        }

        private boolean zeroSpans() {
            boolean any = false;
            for (int k = 8; k >= 2; k /= 2) {
                for (int i = best.choices.length - k; i >= 0; i--) {
                    long[] c = best.choices;
                    if (i + k > c.length) continue;
                    boolean allZero = true;
                    for (int j = i; j < i + k; j++) allZero &= c[j] == 0;
                    if (allZero) continue;
                    long[] cand = c.clone();
                    Arrays.fill(cand, i, i + k, 0);
                    any |= attempt(cand);
                }
            }
            return any;
        }

        private boolean lowerValues() {
            boolean any = false;
            for (int i = best.choices.length - 1; i >= 0; i--) {
                if (i >= best.choices.length || best.choices[i] == 0) continue;
                if (attempt(with(best.choices, i, 0))) { any = true; continue; }
                long lo = 0, hi = best.choices[i];
                while (lo + 1 < hi && i < best.choices.length && replays < maxReplays) {
                    long mid = lo + (hi - lo) / 2;
                    if (attempt(with(best.choices, i, mid))) {
                        any = true;
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
            }
            return any;
        }

        /**
         * Tries simple values (whole numbers, halves, quarters, tenths) at each double, simplest first,
         * before binary search lowers it: a failure at x = 1 teaches more than one at x = 3.7e-9.
         */
        private boolean simplifyReals() {
            boolean any = false;
            for (int i = best.choices.length - 1; i >= 0; i--) {
                if (i >= best.choices.length || !best.reals.get(i)) continue;
                for (long code : SIMPLE_CODES) {
                    if (i >= best.choices.length || code >= best.choices[i] || replays >= maxReplays) break;
                    if (attempt(with(best.choices, i, code))) { any = true; break; }
                }
            }
            return any;
        }

        private boolean sortNeighbours() {
            boolean any = false;
            for (int i = 0; i + 1 < best.choices.length; i++) {
                long[] c = best.choices;
                if (c[i] > c[i + 1]) {
                    long[] cand = c.clone();
                    cand[i] = c[i + 1];
                    cand[i + 1] = c[i];
                    any |= attempt(cand);
                }
            }
            return any;
        }

        private static long[] with(long[] c, int i, long v) {
            long[] cand = c.clone();
            cand[i] = v;
            return cand;
        }
    }
}
