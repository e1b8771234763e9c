package katagym.grader.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import katagym.grader.catalogue.Kata;
import katagym.grader.cli.StubCompiler;
import katagym.grader.report.KataReport;
import katagym.grader.run.GradeOptions;
import katagym.grader.run.Grader;
import katagym.testkit.Echo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As at the end of {@code mvn test}: a JVM that graded runaway katas (a loop, a non-daemon thread
 * that spins, System.exit) prints its verdicts and then exits by itself, promptly: nothing of the
 * learner's code keeps it alive.
 */
class JvmExitsAfterRunawaysTest {

    @Test
    void aJvmThatGradedRunawaysExitsPromptlyAfterItsSummary(@TempDir Path dir) throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("katagym/testkit"));
        Files.writeString(pkg.resolve("Loops.java"), "package katagym.testkit;\npublic final class Loops implements Echo {\n"
                + "    public int echo(int x) { long n = 0; while (x >= 0) n++; return (int) n; }\n}\n");
        Files.writeString(pkg.resolve("NonDaemonSpinner.java"), "package katagym.testkit;\npublic final class NonDaemonSpinner implements Echo {\n"
                + "    public int echo(int x) { Thread t = new Thread(() -> { while (true) { } }); t.setDaemon(false); t.start(); return x; }\n}\n");
        Files.writeString(pkg.resolve("Exits.java"), "package katagym.testkit;\npublic final class Exits implements Echo {\n"
                + "    public int echo(int x) { System.exit(0); return x; }\n}\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stderr = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Child.class.getName(), dir.toString())
                .redirectError(stderr.toFile()).start();
        List<String> lines = new ArrayList<>();
        long summaryAt = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
                if (line.equals("summary printed")) summaryAt = System.nanoTime();
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child JVM exits: %s", lines).isTrue();
        long exitedAt = System.nanoTime();
        assertThat(p.exitValue()).as("%s", lines).isZero();
        assertThat(lines).contains("Loops: timeout", "Exits: threw ExitAttempt", "summary printed");
        assertThat(lines).anyMatch(l -> l.startsWith("NonDaemonSpinner: "));
        assertThat(summaryAt).as("the summary was printed").isPositive();
        assertThat((exitedAt - summaryAt) / 1e9).as("seconds from the summary to the JVM's exit").isLessThan(3.0);
        assertThat(Files.readString(stderr)).as("the stopped learner threads end quietly").doesNotContain("Cancelled");
    }

    /** The child: compiles the runaways as watch and grade do, grades each, prints, and returns from main. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            List<Path> sources;
            try (var files = Files.walk(dir)) {
                sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            }
            ClassLoader loader = new StubCompiler().compile(sources).loader();
            Kata echo = new Kata(1, "echo", "testkit", "Echo", "easy", List.of());
            Echo reference = x -> x;
            for (String name : List.of("Loops", "NonDaemonSpinner", "Exits")) {
                Echo e = (Echo) loader.loadClass("katagym.testkit." + name).getDeclaredConstructor().newInstance();
                KataReport r = Grader.grade(echo, () -> e, () -> reference, GradeOptions.defaults().withSeed(1).withTimeout(1000).withTries(20));
                String first = r.leadCheck() == null ? r.status().id() : r.leadCheck().message().split("[: \\n]")[0];
                if (first.equals("threw")) first = "threw " + r.leadCheck().message().split(" ")[1].replace(":", "");
                System.out.println(name + ": " + first);
            }
            System.out.println("summary printed");
        }
    }
}
