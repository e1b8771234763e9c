package katagym.grader.prop;

import java.util.ArrayList;
import java.util.List;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The stream of choices a generator draws from. A fresh source draws them at random and records
 * them; a replaying source returns a given prefix and then zeros, which is how shrunk sequences are
 * tried. Each choice is a long in {@code [0, n]}; smaller is simpler.
 */
public final class Source {
    static final int MAX_CHOICES = 100_000;

    private final long[] prefix;
    private final SplittableRandom random;
    private final List<Long> recorded = new ArrayList<>();
    private final BitSet realCodes = new BitSet();

    private Source(long[] prefix, SplittableRandom random) {
        this.prefix = prefix;
        this.random = random;
    }

    static Source random(long seed) { return new Source(new long[0], new SplittableRandom(seed)); }

    static Source replay(long[] choices) { return new Source(choices, null); }

    /**
     * A double in {@code [lo, hi]}. Generating, it is drawn from {@code distribution} (whatever mix of
     * magnitudes the generator wants); it is recorded as two choices, its sign and its {@link FloatLex}
     * code, so shrinking moves it toward simple values: 0, small whole numbers, short fractions. A
     * replayed value outside the range is clamped to it, and the clamped value is what is recorded.
     */
    public double real(double lo, double hi, ToDoubleFunction<SplittableRandom> distribution) {
        if (!(lo <= hi)) throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        int i = recorded.size();
        if (i + 2 > MAX_CHOICES) throw new Discard("too many choices");
        double v;
        if (i < prefix.length || random == null) {
            long sign = i < prefix.length ? prefix[i] : 0;
            long code = i + 1 < prefix.length ? prefix[i + 1] : 0;
            double m = FloatLex.decode(code);
            v = sign == 0 ? m : -m;
        } else {
            v = distribution.applyAsDouble(random);
            if (Double.isNaN(v)) v = 0;
        }
        v = Math.max(lo, Math.min(hi, v));
        recorded.add(Double.compare(v, 0.0) < 0 ? 1L : 0L); // -0.0 counts as negative: it is a value of its own
        realCodes.set(recorded.size());
        recorded.add(FloatLex.encode(v));
        return v;
    }

    /** Which recorded choices are {@link FloatLex} codes (the shrinker tries simple values there). */
    BitSet realCodes() { return (BitSet) realCodes.clone(); }

    /** A uniform choice in {@code [0, n]}, n >= 0. */
    public long choice(long n) {
        if (n < 0) throw new IllegalArgumentException("choice bound must be >= 0, was " + n);
        int i = recorded.size();
        if (i >= MAX_CHOICES) throw new Discard("too many choices");
        long v;
        if (i < prefix.length) {
            v = Math.min(prefix[i], n);
        } else if (random == null) {
            v = 0;
        } else {
            v = n == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextLong(n + 1);
        }
        recorded.add(v);
        return v;
    }

    /**
     * An index in {@code [0, weights.length)} drawn with the given relative weights when
     * generating; index 0 is the simplest and the one shrinking moves toward.
     */
    public int weighted(double... weights) {
        int i = recorded.size();
        if (i < prefix.length || random == null) {
            return (int) choice(weights.length - 1);
        }
        double total = 0;
        for (double w : weights) total += w;
        double u = random.nextDouble() * total;
        int pick = weights.length - 1;
        for (int k = 0; k < weights.length; k++) {
            u -= weights[k];
            if (u < 0) { pick = k; break; }
        }
        recorded.add((long) pick);
        return pick;
    }

    /** True with probability {@code p} when generating; shrinks toward false. */
    public boolean chance(double p) {
        return weighted(1 - p, p) == 1;
    }

    public int intBetween(int lo, int hi) {
        if (hi < lo) throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        return lo + (int) choice((long) hi - lo);
    }

    public <T> T draw(Gen<T> gen) { return gen.generate(this); }

    /** Discards the current case (not a failure) when the condition is false. */
    public void assume(boolean condition) {
        if (!condition) throw new Discard("assumption failed");
    }

    long[] choices() {
        long[] out = new long[recorded.size()];
        for (int i = 0; i < out.length; i++) out[i] = recorded.get(i);
        return out;
    }

    /** Thrown to reject a generated case that does not meet a precondition. */
    public static final class Discard extends RuntimeException {
        Discard(String why) { super(why, null, false, false); }
    }
}
