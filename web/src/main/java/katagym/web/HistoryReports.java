package katagym.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Report;
import katagym.grader.report.Status;
import katagym.grader.spec.CheckKind;

/**
 * Realistic whole-catalogue reports for a study group's history, deterministic for a seed: each member
 * works through the catalogue in an order of their own, at a pace of their own; solved katas pass (with
 * the odd regression), the two or three in progress fail with messages, counterexamples and seeds like
 * the grader's, the rest are pending with every check pending. Every kata lists ten checks, as real specs do.
 */
public final class HistoryReports {
    private static final String[][] CHECKS = {
            {"matchesReference", "oracle"}, {"matchesPyTorch", "golden"}, {"outputHasInputShape", "invariant"},
            {"rowsSumToOne", "invariant"}, {"backwardMatchesCentralDifferences", "gradcheck"},
            {"finiteForLargeLogits", "stability"}, {"returnsNewArrays", "invariant"}, {"throwsOnEmptyInput", "example"},
            {"handWorkedTiesAndNegativeZero", "example"}, {"linearNumberOfComparisons", "ops"}};

    private final List<Kata> katas;
    private final int members;
    private final List<List<Integer>> order = new ArrayList<>();
    private final double[] pace;

    public HistoryReports(List<Kata> katas, int members, long seed) {
        this.katas = katas;
        this.members = members;
        this.pace = new double[members];
        Random rnd = new Random(seed);
        for (int m = 0; m < members; m++) {
            List<Integer> o = new ArrayList<>();
            for (int i = 0; i < katas.size(); i++) o.add(i);
            Collections.shuffle(o, rnd);
            order.add(o);
            pace[m] = 0.5 + 0.8 * rnd.nextDouble(); // from half the catalogue in a year to all of it by month ten
        }
    }

    public int members() { return members; }

    /** Member {@code m}'s report at {@code progress} (0 at the start of the year, 1 at its end). */
    public Report report(int m, double progress, Instant generatedAt, String runId, Random rnd) {
        List<Integer> o = order.get(m);
        int solved = (int) Math.min(katas.size(), Math.floor(progress * pace[m] * katas.size()));
        int[] rank = new int[katas.size()];
        for (int i = 0; i < o.size(); i++) rank[o.get(i)] = i;
        List<KataReport> ks = new ArrayList<>();
        int passed = 0, failed = 0, pending = 0;
        for (int i = 0; i < katas.size(); i++) {
            Kata k = katas.get(i);
            int r = rank[i];
            Status status = r < solved ? (rnd.nextInt(50) == 0 ? Status.FAILED : Status.PASSED)
                    : r < solved + 3 ? Status.FAILED : Status.PENDING;
            List<CheckReport> checks = new ArrayList<>();
            int failing = status == Status.FAILED ? 1 + rnd.nextInt(3) : 0;
            for (int c = 0; c < CHECKS.length; c++) {
                String name = CHECKS[c][0];
                CheckKind kind = CheckKind.valueOf(CHECKS[c][1].toUpperCase());
                if (status == Status.PENDING) {
                    checks.add(new CheckReport(name, kind, Status.PENDING, "not implemented yet: " + stub(k) + ".apply", null, null));
                } else if (status == Status.FAILED && (c + i) % CHECKS.length < failing) {
                    checks.add(new CheckReport(name, kind, Status.FAILED, message(k, name, rnd), counterexample(rnd), rnd.nextLong()));
                } else {
                    checks.add(CheckReport.passed(name, kind));
                }
            }
            switch (status) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                default -> pending++;
            }
            ks.add(new KataReport(k.slug(), k.topic(), k.title(), status, status == Status.PENDING ? 1 : 5 + rnd.nextInt(400), checks));
        }
        Report r = Report.of("katas", false, rnd.nextLong() & 0xffffffffL, ks);
        return new Report(r.schemaVersion(), generatedAt.toString(), runId, r.subject(), r.strict(), r.seed(), r.summary(), r.katas());
    }

    private static String stub(Kata k) {
        StringBuilder b = new StringBuilder();
        for (String part : k.slug().split("-")) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return b + "Kata";
    }

    private static String message(Kata k, String check, Random rnd) {
        int index = rnd.nextInt(16);
        double expected = rnd.nextGaussian();
        double got = rnd.nextInt(4) == 0 ? Double.NaN : expected * (1 + rnd.nextGaussian() * 1e-6);
        return k.slug() + "(x)[" + index + "] differs: expected " + expected + ", got " + got
                + " (relative error " + (Double.isNaN(got) ? "NaN" : String.format("%.3g", Math.abs((got - expected) / expected)))
                + " > 1e-9, absolute tolerance 1e-12) in " + check
                + "\nContract: Each method returns a new array of the input's shape and never modifies its arguments.";
    }

    private static String counterexample(Random rnd) {
        StringBuilder b = new StringBuilder("Case(x=[");
        int n = 2 + rnd.nextInt(10);
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ", ").append(rnd.nextInt(5) == 0 ? 0.0 : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(8) - 3));
        b.append("], upstream=[");
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ", ").append(rnd.nextDouble());
        return b.append("], dim=").append(rnd.nextInt(2)).append(")").toString();
    }
}
