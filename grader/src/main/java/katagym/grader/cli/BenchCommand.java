package katagym.grader.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.KataReport;
import katagym.grader.report.Status;
import katagym.grader.run.Ansi;
import katagym.grader.run.GradeOptions;
import katagym.grader.run.Grader;
import katagym.grader.run.Implementations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Measures what a learner feels: save-to-verdict latency under watch (from the file write to the
 * verdict printed), and the time to grade the whole catalogue once. Runs on a copy of the stubs, so
 * the learner's files are never touched.
 */
@Command(name = "bench", description = "Benchmark: watch save-to-verdict latency (median, p95) and full-catalogue grading time.")
public final class BenchCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand KataCli cli;

    @Option(names = "--saves", defaultValue = "30", description = "Saves to time (default ${DEFAULT-VALUE}; 3 more warm up).")
    int saves;

    @Option(names = "--poll-only", description = "Time watch without change events, as on a file system that sends none.")
    boolean pollOnly;

    /** A correct, stable sigmoid stub: what the benchmark saves (and the CLI tests reuse). */
    public static final String SOLVED_SIGMOID = """
            package katagym.activations;

            public final class SigmoidKata implements Sigmoid {
                public double[] forward(double[] x) {
                    double[] y = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        y[i] = x[i] >= 0 ? 1 / (1 + Math.exp(-x[i])) : Math.exp(x[i]) / (1 + Math.exp(x[i]));
                    }
                    return y;
                }

                public double[] backward(double[] x, double[] upstream) {
                    double[] y = forward(x);
                    double[] dx = new double[x.length];
                    for (int i = 0; i < x.length; i++) dx[i] = upstream[i] * y[i] * (1 - y[i]);
                    return dx;
                }
            }
            """;
    /** The classic overflow: fails with a shrunk counterexample, the slow path (shrinking). */
    private static final String BUGGY = SOLVED_SIGMOID.replace(
            "x[i] >= 0 ? 1 / (1 + Math.exp(-x[i])) : Math.exp(x[i]) / (1 + Math.exp(x[i]))",
            "Math.exp(x[i]) / (1 + Math.exp(x[i]))");

    /** Loops forever in forward: the save whose timeout the recovery figure starts from. */
    private static final String LOOPING = SOLVED_SIGMOID.replace("double[] y = new double[x.length];",
            "while (x.length >= 0) { } double[] y = new double[x.length];");
    private static final long RECOVERY_LIMIT_MS = 2000;

    @Override
    public Integer call() throws Exception {
        Workspace real = cli.workspace();
        cli.out().printf("on Java %s (%s)%n", System.getProperty("java.version"), System.getProperty("java.vm.name"));
        Path tmp = Files.createTempDirectory("kata-bench");
        try {
            copyTree(real.root().resolve("katas/src/main/java"), tmp.resolve("katas/src/main/java"));
            Workspace ws = new Workspace(tmp, real.catalogue());
            Kata sigmoid = ws.catalogue().get("sigmoid");
            Path file = ws.stub(sigmoid);
            BlockingQueue<Long> verdicts = new LinkedBlockingQueue<>();
            PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            List<Double> passMs = new ArrayList<>(), failMs = new ArrayList<>();
            try (Watcher w = new Watcher(ws, Ansi.off(), sink, GradeOptions.defaults(), r -> verdicts.add(System.nanoTime()), !pollOnly)) {
                Thread loop = new Thread(w::loop, "bench-watch");
                loop.setDaemon(true);
                loop.start();
                cli.out().printf("timing %d saves of %s under watch%s (after 3 warm-up saves)…%n", saves, sigmoid.stubPath(),
                        pollOnly ? " --poll-only" : "");
                for (int i = 0; i < saves + 3; i++) {
                    boolean pass = i % 2 == 0;
                    Thread.sleep(150); // a learner does not save twice within 150 ms; lets the watcher settle
                    verdicts.clear();
                    long t0 = System.nanoTime();
                    Files.writeString(file, pass ? SOLVED_SIGMOID : BUGGY, StandardCharsets.UTF_8);
                    Long t1 = verdicts.poll(30, TimeUnit.SECONDS);
                    if (t1 == null) throw new IllegalStateException("no verdict within 30 s of save " + i);
                    if (i >= 3) (pass ? passMs : failMs).add((t1 - t0) / 1e6);
                }
            }
            List<Double> all = new ArrayList<>(passMs);
            all.addAll(failMs);
            cli.out().printf("save-to-verdict, all %d saves:       median %6.0f ms   p95 %6.0f ms   max %6.0f ms%n",
                    all.size(), pct(all, 50), pct(all, 95), pct(all, 100));
            cli.out().printf("  saves that pass (%2d):                median %6.0f ms   p95 %6.0f ms%n", passMs.size(), pct(passMs, 50), pct(passMs, 95));
            cli.out().printf("  saves that fail and shrink (%2d):     median %6.0f ms   p95 %6.0f ms%n", failMs.size(), pct(failMs, 50), pct(failMs, 95));
            timeoutRecovery(ws, file);
        } finally {
            deleteTree(tmp);
        }
        // the whole catalogue, once: the stubs as they are, then every kata solved (the references)
        GradeOptions opts = GradeOptions.defaults();
        long t0 = System.nanoTime();
        List<KataReport> stubs = new LocalGrader(real, new StubCompiler()).grade(real.katas(), opts, r -> { });
        double stubMs = (System.nanoTime() - t0) / 1e6;
        long t1 = System.nanoTime();
        long solved = 0;
        List<String> unexpected = new ArrayList<>();
        for (Kata k : real.katas()) {
            KataReport r = Grader.grade(k, () -> Implementations.reference(k), () -> Implementations.reference(k), opts);
            if (r.status() == Status.PASSED) solved++;
            else unexpected.add(k.slug() + ": " + (r.leadCheck() == null ? r.status() : r.leadCheck().name() + " " + r.leadCheck().message()
                    + " | input " + r.leadCheck().counterexample() + " | seed " + r.leadCheck().seed()));
        }
        double refMs = (System.nanoTime() - t1) / 1e6;
        cli.out().printf("grade all %d katas once (your stubs, compiled in memory):   %6.0f ms (%d pending)%n",
                stubs.size(), stubMs, stubs.stream().filter(r -> r.status() == Status.PENDING).count());
        cli.out().printf("grade all %d katas once (every kata solved: the references): %6.0f ms (%d passed)%n",
                real.katas().size(), refMs, solved);
        unexpected.forEach(u -> cli.out().println("  a reference did not pass (a spec bug: please report it): " + u));
        return 0;
    }

    /**
     * A save that loops forever, then a correct save 200 ms later: how long the correct save waits for
     * its verdict (the target is the time limit plus 1 s), and the CPU the process uses afterwards
     * (none should go to the stopped loop).
     */
    private void timeoutRecovery(Workspace ws, Path file) throws Exception {
        BlockingQueue<Long> verdicts = new LinkedBlockingQueue<>();
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        GradeOptions limited = GradeOptions.defaults().withTimeout(RECOVERY_LIMIT_MS);
        try (Watcher w = new Watcher(ws, Ansi.off(), sink, limited, r -> verdicts.add(System.nanoTime()), !pollOnly)) {
            Thread loop = new Thread(w::loop, "bench-watch-timeout");
            loop.setDaemon(true);
            loop.start();
            Thread.sleep(300);
            verdicts.clear();
            Files.writeString(file, LOOPING, StandardCharsets.UTF_8);
            Thread.sleep(200);
            long saved = System.nanoTime();
            Files.writeString(file, SOLVED_SIGMOID, StandardCharsets.UTF_8);
            long last = 0;
            for (int seen = 0; seen < 2; seen++) {
                Long t = verdicts.poll(RECOVERY_LIMIT_MS + 30_000, TimeUnit.MILLISECONDS);
                if (t == null) break;
                last = t;
            }
            Thread.sleep(300);
            double cpuShare = katagym.grader.guard.JavaThreadsCpu.over(1.0).seconds();
            cli.out().printf("after a save that loops forever (limit %d ms), the next save's verdict: %6.0f ms (target ≤ %d ms)%n",
                    RECOVERY_LIMIT_MS, last == 0 ? Double.NaN : (last - saved) / 1e6, RECOVERY_LIMIT_MS + 1000);
            cli.out().printf("  CPU the Java threads used in the second after that: %.2f s (the loop was stopped)%n", cpuShare);
        }
    }

    static double pct(List<Double> xs, int p) {
        if (xs.isEmpty()) return Double.NaN;
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
