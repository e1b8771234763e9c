package katagym.grader.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import katagym.grader.catalogue.Kata;
import katagym.grader.prop.Counterexamples;
import katagym.grader.prop.PropertyEngine;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Status;
import katagym.grader.run.GradeOptions;
import katagym.grader.run.Grader;
import katagym.grader.run.Implementations;

/**
 * Grades every fixture bug on N seeds and measures what the learner would be shown: whether the bug
 * is caught on every seed, whether the lead is a plain comparison with the reference, whether its
 * difference sits at the tolerance's edge (where a real bug reads as rounding noise), and how big and
 * how simple the counterexample is. The targets are those of the grader's design (README, "Feedback").
 */
public final class FeedbackBench {
    /** Targets: share of oracle leads, share at the tolerance edge, median and p90 scalars, share simple. */
    public static final double MAX_ORACLE_LEADS = 0.50;
    public static final double MAX_EDGE_LEADS = 0.02;
    public static final int MAX_MEDIAN_SCALARS = 4;
    public static final int MAX_P90_SCALARS = 12;
    public static final double MIN_SIMPLE_SCALARS = 0.80;
    /** A lead counts as at the edge when its difference is under this many times the tolerance. */
    public static final double EDGE_FACTOR = 1000;

    private FeedbackBench() {}

    /** One grading of one bug on one seed. */
    public record Grading(Kata kata, String bug, long seed, KataReport report) {
        public boolean caught() { return report.status() == Status.FAILED; }

        /** "slug · BugName": one fixture bug, whatever the seed. */
        public String name() { return kata.slug() + " · " + bug; }
    }

    /** Every grading of a run, and the figures computed from them. */
    public record Result(int seeds, List<Grading> gradings, long millis) {
        public List<String> bugs() {
            return gradings.stream().map(Grading::name).distinct().toList();
        }

        public long caughtOnFirstSeed() {
            return gradings.stream().filter(g -> g.seed() == FIXED_SEED && g.caught()).count();
        }

        /** Bugs not caught on some seed, with those seeds (one pass over the gradings). */
        public List<String> missed() {
            java.util.Map<String, List<Long>> passedOn = new java.util.LinkedHashMap<>();
            for (Grading g : gradings) {
                if (!g.caught()) passedOn.computeIfAbsent(g.name(), b -> new ArrayList<>()).add(g.seed());
            }
            List<String> out = new ArrayList<>();
            passedOn.forEach((bug, seedsPassed) ->
                    out.add(bug + " passed on " + seedsPassed.size() + " seed(s), e.g. " + seedsPassed.get(0)));
            return out;
        }

        public long caughtOnEverySeed() { return bugs().size() - missed().size(); }

        private List<CheckReport> leads() {
            return gradings.stream().filter(Grading::caught).map(g -> g.report().leadCheck()).toList();
        }

        /** How many leads are of each kind, most frequent first. */
        public java.util.Map<String, Long> leadKinds() {
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            for (CheckReport c : leads()) counts.merge(c.kind().id(), 1L, Long::sum);
            java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
            counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        }

        public double oracleLeadShare() {
            return share(leads().stream().filter(c -> c.kind() == katagym.grader.spec.CheckKind.ORACLE).count(), leads().size());
        }

        public double edgeLeadShare() {
            return share(leads().stream().filter(c -> Counterexamples.atToleranceEdge(c.message(), EDGE_FACTOR)).count(), leads().size());
        }

        /** Scalars per counterexample of the leads that have one. */
        public int[] scalarCounts() {
            return leads().stream().filter(c -> c.counterexample() != null)
                    .mapToInt(c -> Counterexamples.scalars(c.counterexample()).size()).sorted().toArray();
        }

        public double simpleScalarShare() {
            long simple = 0, all = 0;
            for (CheckReport c : leads()) {
                if (c.counterexample() == null) continue;
                for (String s : Counterexamples.numbers(c.counterexample())) {
                    all++;
                    if (Counterexamples.simple(s)) simple++;
                }
            }
            return share(simple, all);
        }

        public List<String> targetsMissed() {
            List<String> out = new ArrayList<>();
            int[] sizes = scalarCounts();
            if (!missed().isEmpty()) out.add(missed().size() + " fixture bug(s) not caught on every seed");
            if (oracleLeadShare() > MAX_ORACLE_LEADS) out.add("oracle leads " + pct(oracleLeadShare()) + " > " + pct(MAX_ORACLE_LEADS));
            if (edgeLeadShare() > MAX_EDGE_LEADS) out.add("leads at the tolerance edge " + pct(edgeLeadShare()) + " > " + pct(MAX_EDGE_LEADS));
            if (percentile(sizes, 50) > MAX_MEDIAN_SCALARS) out.add("median counterexample " + percentile(sizes, 50) + " scalars > " + MAX_MEDIAN_SCALARS);
            if (percentile(sizes, 90) > MAX_P90_SCALARS) out.add("p90 counterexample " + percentile(sizes, 90) + " scalars > " + MAX_P90_SCALARS);
            if (simpleScalarShare() < MIN_SIMPLE_SCALARS) out.add("simple scalars " + pct(simpleScalarShare()) + " < " + pct(MIN_SIMPLE_SCALARS));
            return out;
        }
    }

    /** The seed the project's own tests grade with, so their runs are reproducible. */
    public static final long FIXED_SEED = 20261130L;

    /** The fixed seed, then {@code n - 1} more derived from it. */
    public static long[] seedList(int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = PropertyEngine.caseSeed(FIXED_SEED, i);
        return out;
    }

    /** Grades every fixture bug of the given katas on {@code seeds} seeds, {@code threads} at a time. */
    public static Result run(List<Kata> katas, int seeds, int threads, GradeOptions base, Consumer<String> progress) {
        long start = System.nanoTime();
        List<Grading> out = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Grading>> futures = new ArrayList<>();
            for (Kata kata : katas) {
                for (Class<?> bug : Implementations.fixtureBugs(kata)) {
                    for (long seed : seedList(seeds)) {
                        futures.add(pool.submit(() -> new Grading(kata, bug.getSimpleName(), seed,
                                Grader.grade(kata, () -> Implementations.newInstance(bug), () -> Implementations.reference(kata),
                                        base.withSeed(seed).withStrict(false)))));
                    }
                }
            }
            int done = 0;
            for (Future<Grading> f : futures) {
                out.add(f.get());
                done++;
                if (done % 500 == 0 || done == futures.size()) progress.accept(done + "/" + futures.size() + " gradings");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(seeds, out, (System.nanoTime() - start) / 1_000_000);
    }

    public static int percentile(int[] sorted, int p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double share(long part, long whole) { return whole == 0 ? 0 : (double) part / whole; }

    public static String pct(double share) { return String.format("%.1f%%", 100 * share); }
}
