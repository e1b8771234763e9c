package katagym.grader.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import katagym.grader.catalogue.Kata;
import katagym.grader.cli.StubCompiler;
import katagym.grader.report.KataReport;
import katagym.grader.report.Status;
import katagym.grader.run.GradeOptions;
import katagym.grader.run.Grader;
import katagym.testkit.Echo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learner code that never ends is stopped, on any JDK: compiled as watch and grade compile it (in
 * memory, loaded rewritten), graded under a short time limit, each case gets its verdict, and
 * afterwards the process spends no CPU on it, as the operating system counts CPU time.
 */
class GuardTest {
    private static final Kata ECHO = new Kata(1, "echo", "testkit", "Echo", "easy", List.of());
    private static final GradeOptions OPTIONS = GradeOptions.defaults().withSeed(1).withTimeout(700);
    private static final Echo REFERENCE = x -> x;

    /** Bodies of {@code int echo(int x)} that misbehave, each in a class of its own. */
    private static final List<String[]> RUNAWAYS = List.of(
            new String[] {"TightLoop", "long n = 0; while (x >= 0) n++; return (int) n;"},
            new String[] {"AllocatingLoop", "java.util.List<int[]> l = new java.util.ArrayList<>(); while (x >= 0) { l.add(new int[16]); if (l.size() > 1000) l.clear(); } return x;"},
            new String[] {"SleepingLoop", "while (x >= 0) { try { Thread.sleep(1); } catch (InterruptedException e) { } } return x;"},
            new String[] {"SwallowsEverything", "while (x >= 0) { try { while (x >= 0) { } } catch (Throwable t) { } } return x;"},
            new String[] {"EndlessRecursion", "return echo(x + 1) - 1;"},
            new String[] {"EndlessAllocation", "java.util.List<long[]> l = new java.util.ArrayList<>(); while (true) l.add(new long[1 << 20]);"},
            new String[] {"SpinningThread", "Thread t = new Thread(() -> { long n = 0; while (true) n++; }); t.setDaemon(true); t.start(); return x;"},
            new String[] {"CallsSystemExit", "System.exit(0); return x;"},
            new String[] {"CallsRuntimeHalt", "Runtime.getRuntime().halt(3); return x;"});

    @Test
    void everyRunawayGetsAVerdictAndAfterwardsUsesNoCpu(@TempDir Path dir) throws Exception {
        StubCompiler javac = new StubCompiler();
        Path pkg = Files.createDirectories(dir.resolve("katagym/testkit"));
        List<Path> sources = new java.util.ArrayList<>();
        for (String[] r : RUNAWAYS) {
            Path src = pkg.resolve(r[0] + ".java");
            Files.writeString(src, "package katagym.testkit;\npublic final class " + r[0] + " implements Echo {\n"
                    + "    public int echo(int x) { " + r[1] + " }\n}\n");
            sources.add(src);
        }
        StubCompiler.Result compiled = javac.compile(sources);
        assertThat(compiled.errors()).isEmpty();
        ClassLoader loader = compiled.loader();

        for (String[] r : RUNAWAYS) {
            Echo e = (Echo) loader.loadClass("katagym.testkit." + r[0]).getDeclaredConstructor().newInstance();
            KataReport report = Grader.grade(ECHO, () -> e, () -> REFERENCE, OPTIONS);
            String verdict = report.leadCheck() == null ? "passed" : report.leadCheck().message();
            switch (r[0]) {
                // each call starts one more spinning thread: correct answers, but slower and slower
                case "SpinningThread" -> assertThat(verdict).as(r[0]).matches("(?s)(passed|timeout.*)");
                // every shrinking step overflows the stack again, which may take longer than the limit
                case "EndlessRecursion" -> assertThat(verdict).as(r[0]).matches("(?s)(threw StackOverflowError|timeout).*");
                case "EndlessAllocation" -> assertThat(verdict).as(r[0]).matches("(?s)(threw OutOfMemoryError|timeout).*");
                case "CallsSystemExit" -> assertThat(verdict).as(r[0]).startsWith("threw ExitAttempt: System.exit(0) called");
                case "CallsRuntimeHalt" -> assertThat(verdict).as(r[0]).startsWith("threw ExitAttempt: Runtime.halt(3) called");
                default -> {
                    assertThat(verdict).as(r[0]).startsWith("timeout");
                    assertThat(report.leadCheck().seed()).as("a timeout's replay seed").isNotNull();
                }
            }
        }
        // a correct kata still passes afterwards
        assertThat(Grader.grade(ECHO, () -> REFERENCE, () -> REFERENCE, OPTIONS).status()).isEqualTo(Status.PASSED);

        Thread.sleep(300); // let the cancelled threads reach their next check
        JavaThreadsCpu.Window w = JavaThreadsCpu.over(1.5);
        assertThat(w.seconds()).as("CPU seconds the Java threads used over 1.5 s of idling after the runaways (busiest: %s)", w.busiest())
                .isLessThan(0.3);
    }

    @Test
    void theRewriterLeavesCorrectCodeCorrect(@TempDir Path dir) throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("katagym/testkit"));
        Path src = pkg.resolve("LoopyButFine.java");
        Files.writeString(src, """
                package katagym.testkit;
                public final class LoopyButFine implements Echo {
                    public int echo(int x) {
                        int y = 0;
                        for (int i = 0; i < x; i++) { switch (i % 3) { case 0 -> y++; case 1 -> y += 2; default -> y -= 2; } }
                        int n = 0;
                        do { n++; } while (n < 5);
                        try { if (x < 0) throw new IllegalStateException(); } catch (IllegalStateException e) { return -1; }
                        return x + y - y + n - 5;
                    }
                }
                """);
        StubCompiler.Result compiled = new StubCompiler().compile(List.of(src));
        Echo e = (Echo) compiled.loader().loadClass("katagym.testkit.LoopyButFine").getDeclaredConstructor().newInstance();
        KataReport report = Grader.grade(ECHO, () -> e, () -> REFERENCE, OPTIONS.withTimeout(10_000));
        assertThat(report.status()).as("%s", report.leadCheck()).isEqualTo(Status.PASSED);
    }

}
