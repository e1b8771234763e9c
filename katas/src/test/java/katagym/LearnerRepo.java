package katagym;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import katagym.grader.cli.KataCli;
import katagym.grader.run.ProjectRoot;

/**
 * A learner's repository for CLI tests: a copy of the katas (sigmoid and tanh back to their stubs,
 * whatever the working tree holds) committed to a fresh git repository (so {@code reset} and the blank
 * copies of interviews find the shipped stub in history), and a way to run {@code ./kata} commands in it,
 * at a given time, and capture what they print.
 */
final class LearnerRepo {
    /** A correct, stable sigmoid (the one the watch benchmark saves). */
    static final String SOLVED_SIGMOID = katagym.grader.cli.BenchCommand.SOLVED_SIGMOID;

    final Path root;

    /** What a command returned and printed: standard output and standard error apart. */
    record Run(int exit, String out, String err) {}

    private LearnerRepo(Path root) { this.root = root; }

    static LearnerRepo create(Path root) throws Exception {
        Path from = ProjectRoot.find().resolve("katas/src/main");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path to = root.resolve("katas/src/main").resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        LearnerRepo repo = new LearnerRepo(root);
        Files.writeString(repo.stub("activations", "Sigmoid"), stub("Sigmoid"));
        Files.writeString(repo.stub("activations", "Tanh"), stub("Tanh"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        repo.git("init", "-q");
        repo.git("add", ".");
        repo.git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "stubs");
        return repo;
    }

    Path stub(String topic, String name) {
        return root.resolve("katas/src/main/java/katagym/" + topic + "/" + name + "Kata.java");
    }

    /** The shipped shape of an elementwise activation's stub. */
    static String stub(String name) {
        return """
                package katagym.activations;

                import katagym.NotImplementedYet;

                public final class NAMEKata implements NAME {
                    public double[] forward(double[] x) { throw new NotImplementedYet(); }
                    public double[] backward(double[] x, double[] upstream) { throw new NotImplementedYet(); }
                }
                """.replace("NAME", name);
    }

    void git(String... args) throws Exception {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = root.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    /** Runs {@code ./kata --root ROOT --no-color ARGS} in this JVM and captures what it prints. */
    Run kata(String... args) { return kata(Clock.systemUTC(), args); }

    /** {@link #kata(String...)} with the CLI's time taken from {@code clock}. */
    Run kata(Clock clock, String... args) {
        PrintStream saved = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            int exit = KataCli.run(clock, withRoot(args));
            return new Run(exit, buffer.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
            System.setErr(savedErr);
        }
    }

    /** {@code --root ROOT --no-color ARGS}. */
    String[] withRoot(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--root";
        all[1] = root.toString();
        all[2] = "--no-color";
        System.arraycopy(args, 0, all, 3, args.length);
        return all;
    }

    void write(Path file, String text) throws IOException { Files.writeString(file, text); }
}
