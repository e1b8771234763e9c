package katagym;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import katagym.grader.cli.KataCli;
import katagym.grader.run.ProjectRoot;

/**
 * A learner's repository for command-line tests: a copy of the stubs and statements in a temporary git
 * repository, sigmoid and tanh reset to stubs and committed (so {@code reset} and the blank copies of
 * interviews find the shipped stub in history).
 */
final class LearnerRepo {
    static final String SOLVED_SIGMOID = """
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

    private LearnerRepo() {}

    /** Fills {@code root} with the stubs and statements, committed; returns the sigmoid stub's path. */
    static Path create(Path root) throws Exception {
        Path from = ProjectRoot.find().resolve("katas/src/main");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path to = root.resolve("katas/src/main").resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        // the learner may have solved these in their own tree: start from stubs, whatever the copy holds
        Files.writeString(root.resolve("katas/src/main/java/katagym/activations/SigmoidKata.java"), stub("Sigmoid"));
        Files.writeString(root.resolve("katas/src/main/java/katagym/activations/TanhKata.java"), stub("Tanh"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        git(root, "init", "-q");
        git(root, "add", ".");
        git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "stubs");
        return root.resolve("katas/src/main/java/katagym/activations/SigmoidKata.java");
    }

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

    static void git(Path root, String... args) throws Exception {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = root.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    record Run(int exit, String out) {}

    /** {@code ./kata --root ROOT --no-color ARGS} in this JVM, its output captured, time from {@code clock}. */
    static Run kata(Path root, Clock clock, String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            return new Run(KataCli.run(clock, withRoot(root, args)), buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    static String[] withRoot(Path root, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--root";
        all[1] = root.toString();
        all[2] = "--no-color";
        System.arraycopy(args, 0, all, 3, args.length);
        return all;
    }
}
