package katagym.grader.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import katagym.NotImplementedYet;
import katagym.grader.catalogue.Kata;
import katagym.grader.prop.Describe;
import katagym.grader.prop.Falsified;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Property;
import katagym.grader.prop.PropertyEngine;
import katagym.grader.prop.PropertyFailed;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Status;
import katagym.grader.spec.Check;
import katagym.grader.spec.CheckContext;
import katagym.grader.spec.CheckKind;
import katagym.grader.spec.Golden;
import katagym.grader.spec.KataSpec;

/**
 * Grades one kata: runs every check of its spec against a subject, with the reference as oracle.
 * The kata runs on its own thread under a time limit, so an infinite loop, a stack overflow, a huge
 * allocation or any exception ends this kata with a verdict and the caller goes on with the next.
 */
public final class Grader {
    private static final long STACK_BYTES = 16L << 20; // deep enough for any kata, shallow enough that an overflow is quick

    private Grader() {}

    /** Grades with implementations found by name: the learner's stub and the reference. */
    public static KataReport gradeStub(Kata kata, GradeOptions options) {
        return grade(kata, () -> Implementations.stub(kata), () -> Implementations.reference(kata), options);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static KataReport grade(Kata kata, Supplier<?> subject, Supplier<?> oracle, GradeOptions options) {
        long start = System.nanoTime();
        KataSpec<?> spec;
        try {
            spec = Implementations.spec(kata);
        } catch (RuntimeException | LinkageError e) {
            CheckReport broken = new CheckReport("specExists", CheckKind.INVARIANT, Status.FAILED,
                    "cannot load the spec " + kata.specClass() + ": " + e.getMessage(), null, null);
            return new KataReport(kata.slug(), kata.topic(), kata.title(), Status.FAILED, 0, List.of(broken));
        }
        Run run = new Run(kata, (KataSpec) spec, subject, oracle, options);
        Thread worker = new Thread(null, run, "kata-" + kata.slug(), STACK_BYTES);
        worker.setDaemon(true);
        worker.setUncaughtExceptionHandler((t, e) -> { }); // a stopped worker dies quietly; its verdict is recorded
        worker.start();
        boolean timedOut = false;
        try {
            worker.join(options.timeoutMs());
            if (worker.isAlive()) {
                timedOut = true;
                stop(worker, run);
            }
        } catch (InterruptedException e) {
            stop(worker, run);
            Thread.currentThread().interrupt();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        List<CheckReport> checks = strict(run.results(timedOut, options.timeoutMs()), options.strict());
        return new KataReport(kata.slug(), kata.topic(), kata.title(), verdict(checks), ms, checks);
    }

    /**
     * Stops a kata over its time limit. Learner classes are rewritten to check their run's ticket at
     * every call and loop back-edge ({@link katagym.grader.guard.Guard}), so cancelling the ticket stops
     * the learner's code in every thread it started, on any JDK. {@code Thread.stop} remains a last resort
     * on JDKs that still honour it (17 to 19), for code that is not rewritten.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread worker, Run<?> run) {
        run.cancel("the kata ran over its time limit");
        worker.interrupt();
        try {
            worker.join(250);
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            try {
                worker.stop(); // Java 17 still honours it; a learner's tight loop never checks interrupts
            } catch (UnsupportedOperationException newerJdk) {
                // the daemon thread is abandoned; the run goes on
            }
        }
    }

    private static Status verdict(List<CheckReport> checks) {
        boolean pending = false;
        for (CheckReport c : checks) {
            if (c.status() == Status.FAILED) return Status.FAILED;
            pending |= c.status() == Status.PENDING;
        }
        return pending ? Status.PENDING : Status.PASSED;
    }

    private static List<CheckReport> strict(List<CheckReport> checks, boolean strict) {
        if (!strict) return checks;
        return checks.stream().map(c -> c.status() != Status.PENDING ? c
                : new CheckReport(c.name(), c.kind(), Status.FAILED,
                        c.message() + " (strict mode: pending counts as failed)", null, null)).toList();
    }

    /** The worker: runs the checks in order, recording each verdict as it lands. */
    private static final class Run<C> implements Runnable, CheckContext<C> {
        private final Kata kata;
        private final KataSpec<C> spec;
        private final Supplier<?> subjectFactory;
        private final Supplier<?> oracleFactory;
        private final GradeOptions options;
        private final List<CheckReport> done = new ArrayList<>();
        private volatile int current = -1;
        private volatile Object lastInput; // the generated value, or an example's Description
        private volatile Long lastSeed;
        private final java.util.Map<String, String> clauses;
        private C subject;
        private C oracle;
        private Golden golden;

        Run(Kata kata, KataSpec<C> spec, Supplier<?> subject, Supplier<?> oracle, GradeOptions options) {
            this.kata = kata;
            this.spec = spec;
            this.subjectFactory = subject;
            this.oracleFactory = oracle;
            this.options = options;
            this.clauses = katagym.grader.spec.Clauses.of(spec.contract());
        }

        private String pendingMessage() {
            return "pending: " + kata.slug() + " — implement " + kata.stubPath();
        }

        private volatile katagym.grader.guard.Guard.Ticket ticket;

        @Override
        public void run() {
            ticket = katagym.grader.guard.Guard.enter();
            try {
                List<Check<C>> checks = spec.checks();
                for (int i = 0; i < checks.size(); i++) {
                    current = i;
                    lastInput = null;
                    lastSeed = null;
                    CheckReport r = runOne(checks.get(i));
                    synchronized (done) { done.add(r); }
                }
                current = checks.size();
            } finally {
                // threads the learner's code started end with the kata's grading
                ticket.cancel("the kata's grading is over");
                katagym.grader.guard.Guard.leave();
            }
        }

        void cancel(String why) {
            katagym.grader.guard.Guard.Ticket t = ticket;
            if (t != null) t.cancel(why);
        }

        private CheckReport runOne(Check<C> check) {
            if (options.oracleless() && check.kind() == CheckKind.ORACLE) {
                return new CheckReport(check.name(), check.kind(), Status.SKIPPED, "oracle checks are off", null, null);
            }
            try {
                if (subject == null) subject = cast(subjectFactory.get());
                check.body().run(this);
                return CheckReport.passed(check.name(), check.kind());
            } catch (NotImplementedYet pending) {
                return new CheckReport(check.name(), check.kind(), Status.PENDING, pendingMessage(), null, null);
            } catch (PropertyFailed pf) {
                Falsified f = pf.falsified();
                return failed(check, f.message(), f.description(), f.seed());
            } catch (ExampleFailed ef) {
                return failed(check, PropertyEngine.explain(ef.getCause()), ef.description, null);
            } catch (PropertyEngine.Interrupted | ThreadDeath | katagym.grader.guard.Guard.Cancelled stopped) {
                throw stopped;
            } catch (Throwable t) {
                return failed(check, PropertyEngine.explain(t), render(lastInput), null);
            }
        }

        private CheckReport failed(Check<C> check, String message, String counterexample, Long seed) {
            return new CheckReport(check.name(), check.kind(), Status.FAILED, explained(check, message), counterexample, seed);
        }

        /** What went wrong, then the contract sentence the check enforces, then the check's own hint. */
        private String explained(Check<C> check, String message) {
            StringBuilder sb = new StringBuilder(Describe.visible(message));
            if (!check.clauses().isEmpty() && clauses.containsKey(check.clauses().get(0))) {
                sb.append("\nContract: ").append(clauses.get(check.clauses().get(0)));
            }
            if (check.hint() != null) sb.append("\nHint: ").append(check.hint());
            return sb.toString();
        }

        private static String render(Object input) {
            if (input == null) return null;
            return input instanceof Description d ? d.text() : Describe.value(input);
        }

        @SuppressWarnings("unchecked")
        private C cast(Object o) {
            if (!spec.contract().isInstance(o)) {
                throw new IllegalStateException(o.getClass().getName() + " does not implement " + spec.contract().getName());
            }
            return (C) o;
        }

        List<CheckReport> results(boolean timedOut, long limitMs) {
            List<CheckReport> out;
            synchronized (done) { out = new ArrayList<>(done); }
            List<Check<C>> checks = spec.checks();
            if (timedOut) {
                int at = Math.max(out.size(), Math.min(current, checks.size() - 1));
                if (at < checks.size()) {
                    Check<C> c = checks.get(at);
                    out.add(new CheckReport(c.name(), c.kind(), Status.FAILED,
                            "timeout: no verdict within " + limitMs + " ms (kata.timeout). An infinite loop, or far too slow?",
                            render(lastInput), lastSeed));
                    for (int i = at + 1; i < checks.size(); i++) {
                        out.add(new CheckReport(checks.get(i).name(), checks.get(i).kind(), Status.SKIPPED,
                                "not run: the kata timed out in an earlier check", null, null));
                    }
                }
            }
            return out;
        }

        @Override
        public C subject() { return subject; }

        @Override
        public C oracle() {
            if (oracle == null) oracle = cast(oracleFactory.get());
            return oracle;
        }

        @Override
        public <T> void forAll(Gen<T> gen, Property<T> property) {
            forAll(options.tries(), gen, property);
        }

        @Override
        public <T> void forAll(int tries, Gen<T> gen, Property<T> property) {
            // kata.tries scales every property, the costly ones included
            int scaled = Math.max(1, (int) ((long) tries * options.tries() / GradeOptions.DEFAULT_TRIES));
            PropertyEngine.check(gen, property, new PropertyEngine.Config(options.seed(), scaled, 2000), (v, caseSeed) -> {
                lastInput = v; // rendered only if needed: a timeout's replay line regenerates it untouched anyway
                lastSeed = caseSeed;
            });
        }

        @Override
        public void example(String description, Example example) {
            lastInput = new Description(description);
            lastSeed = null;
            try {
                example.run();
            } catch (NotImplementedYet | PropertyEngine.Interrupted | ThreadDeath | katagym.grader.guard.Guard.Cancelled e) {
                throw e;
            } catch (Throwable t) {
                throw new ExampleFailed(description, t);
            }
        }

        @Override
        public Golden golden() {
            if (golden == null) golden = Golden.load(kata.slug());
            return golden;
        }
    }

    /** A fixed example's words, which stand for its input. */
    private record Description(String text) {}

    private static final class ExampleFailed extends RuntimeException {
        final String description;

        ExampleFailed(String description, Throwable cause) {
            super(cause);
            this.description = description;
        }
    }
}
