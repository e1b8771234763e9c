package katagym;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.cli.KataCli;
import katagym.grader.run.ProjectRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The learner's command line, end to end, on a copy of the stubs in a temporary git repository:
 * grade (pending, strict, solved, broken), watch, list, next, hint, progress and reset.
 */
class KataCliTest {
    @TempDir Path root;
    Path sigmoid;

    static final String SOLVED = LearnerRepo.SOLVED_SIGMOID;

    LearnerRepo repo;

    @BeforeEach
    void copyTheStubsIntoAGitRepository() throws Exception {
        repo = LearnerRepo.create(root);
        sigmoid = repo.stub("activations", "Sigmoid");
    }

    static String stub(String name) { return LearnerRepo.stub(name); }

    private void git(String... args) throws Exception { repo.git(args); }

    private LearnerRepo.Run kata(String... args) { return repo.kata(args); }

    @Test
    void gradingAPendingStubPassesUnlessStrictAndWritesTheReportAndHistory() throws IOException {
        LearnerRepo.Run pending = kata("grade", "sigmoid");
        assertThat(pending.exit()).isZero();
        assertThat(pending.out()).contains("pending sigmoid").contains("Next: sigmoid");
        assertThat(root.resolve("katas/target/kata-report.json")).exists();
        LearnerRepo.Run strict = kata("grade", "sigmoid", "--strict");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.out()).contains("strict mode");
        assertThat(Files.readAllLines(root.resolve(".kata/history.jsonl"))).hasSize(2);
    }

    @Test
    void aSolvedStubPassesAndABrokenOneFailsWithAShrunkCounterexampleThatItsSeedReplays() throws IOException {
        Files.writeString(sigmoid, SOLVED);
        LearnerRepo.Run solved = kata("grade", "sigmoid");
        assertThat(solved.exit()).as(solved.out()).isZero();
        assertThat(solved.out()).contains("solved 1/1");

        Files.writeString(sigmoid, SOLVED.replace("x[i] >= 0 ? 1 / (1 + Math.exp(-x[i])) : ", ""));
        LearnerRepo.Run broken = kata("grade", "sigmoid");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("smallest input: ElementwiseCase(x=[").contains("710.0").contains("replay: ./kata grade sigmoid --seed ");
        String seed = broken.out().replaceAll("(?s).*--seed (\\d+).*", "$1");
        LearnerRepo.Run replay = kata("grade", "sigmoid", "--seed", seed);
        String counterexample = broken.out().replaceAll("(?s).*smallest input: (ElementwiseCase\\([^\\n]*\\)).*", "$1");
        assertThat(replay.out()).contains("smallest input: " + counterexample);

        Files.writeString(sigmoid, SOLVED.replace("return y;", "return y"));
        LearnerRepo.Run uncompilable = kata("grade", "sigmoid", "tanh");
        assertThat(uncompilable.exit()).isEqualTo(1);
        assertThat(uncompilable.out()).contains("SigmoidKata.java:9: ';' expected").contains("pending tanh");
    }

    @Test
    void listNextHintAndProgressReadTheCatalogueAndTheHistory() throws IOException {
        Files.writeString(sigmoid, SOLVED);
        kata("grade", "sigmoid");
        assertThat(kata("list", "--status", "passed").out()).contains("sigmoid").doesNotContain("tanh");
        assertThat(kata("list", "--topic", "sorting").out()).contains("insertion-sort").doesNotContain("sigmoid");
        LearnerRepo.Run unknownTopic = kata("list", "--topic", "nope");
        assertThat(unknownTopic.exit()).isEqualTo(2);
        assertThat(unknownTopic.err()).contains("unknown topic 'nope'").contains("activations");
        assertThat(kata("next").out()).contains("Next: tanh").contains("# Tanh");
        assertThat(kata("hint", "tanh").out()).contains("Hint 1/").doesNotContain("Hint 2/");
        assertThat(kata("hint", "tanh").out()).contains("Hint 1/").contains("Hint 2/");
        assertThat(kata("show", "sigmoid").out()).contains("## What to write");
        assertThat(kata("progress").out()).contains("solved 1/" + Catalogue.standard().katas().size()).contains("activations");
        LearnerRepo.Run unknownKata = kata("grade", "no-such-kata");
        assertThat(unknownKata.exit()).isEqualTo(2);
        assertThat(unknownKata.err()).contains("unknown kata or topic: no-such-kata");
        LearnerRepo.Run help = kata("grade", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: kata grade").contains("--upload=URL");
    }

    @ParameterizedTest(name = "poll only: {0}")
    @ValueSource(booleans = {false, true})
    void watchRegradesEachSaveKeepsRunningThroughBrokenCodeAndAnswersKeys(boolean pollOnly) throws Exception {
        try (WatchSession s = new WatchSession("sigmoid", "--tries", "50", "--timeout", "1500",
                pollOnly ? "--poll-only" : "--poll-only=false")) {
            s.waitFor("sigmoid is pending");

            Files.writeString(sigmoid, SOLVED);
            s.waitFor("✓ sigmoid passes all");
            Files.writeString(sigmoid, SOLVED.replace("return y;", "return y"));
            s.waitFor("✗ sigmoid does not compile", "SigmoidKata.java:9: ';' expected");
            Files.writeString(sigmoid, SOLVED.replace("double[] y = forward(x);", "while (x.length >= 0) { } double[] y = forward(x);"));
            s.waitFor("✗ sigmoid fails", "timeout");
            Files.writeString(sigmoid, SOLVED.replace("return y;", "throw new IllegalStateException(\"oops\");"));
            s.waitFor("✗ sigmoid fails", "IllegalStateException", "oops");
            Files.writeString(sigmoid, SOLVED);
            s.waitFor("✓ sigmoid passes all", "Solved. Press n for the next kata: tanh", "solved 1/" + Catalogue.standard().katas().size());

            s.press('h');
            s.waitFor("Hint 1/");
            s.press('n');
            s.waitFor("Next: tanh");
            assertThat(s.quit()).isZero();
            String printed = s.printed();
            assertThat(printed).endsWith("bye\n");
            int verdicts = printed.split("keys: h hint", -1).length - 1;
            assertThat(verdicts).as("a verdict for the start and each of the 5 saves, or more if a save was seen half-written")
                    .isGreaterThanOrEqualTo(6);
            assertThat(Files.readAllLines(root.resolve(".kata/history.jsonl"))).as("one run per verdict").hasSize(verdicts);
        }
    }

    @Test
    void watchWithAdvanceMovesOnToTheNextKataAfterAPass() throws Exception {
        try (WatchSession s = new WatchSession("sigmoid", "--advance", "--tries", "20")) {
            s.waitFor("sigmoid is pending");
            Files.writeString(sigmoid, SOLVED);
            s.waitFor("✓ sigmoid passes all", "→ next: tanh", "TanhKata.java");
            s.press('h');
            s.waitFor("tanh");
            assertThat(s.quit()).isZero();
        }
    }

    /**
     * Saves that never end, each in forward: every one gets its verdict, watch goes on, a correct save
     * passes, and afterwards the process spends no CPU on the learner's code (as the OS counts it).
     */
    @Test
    void watchStopsRunawaySavesAndThenIdles() throws Exception {
        String forward = "double[] y = new double[x.length];";
        String[][] runaways = {
            {"a tight loop", "while (x.length >= 0) { }"},
            {"a loop that allocates", "java.util.List<double[]> l = new java.util.ArrayList<>(); while (x.length >= 0) { l.add(new double[8]); if (l.size() > 1000) l.clear(); }"},
            {"a loop that sleeps", "while (x.length >= 0) { try { Thread.sleep(1); } catch (InterruptedException e) { } }"},
            {"endless recursion", "if (x.length >= 0) return forward(x);"},
            {"endless allocation", "java.util.List<long[]> l = new java.util.ArrayList<>(); while (x.length >= 0) l.add(new long[1 << 20]);"},
            {"a spinning thread of its own", "new Thread(() -> { while (true) { } }).start(); if (x.length >= 0) return new double[0];"},
            {"System.exit(0)", "if (x.length >= 0) System.exit(0);"},
        };
        try (WatchSession s = new WatchSession("sigmoid", "--tries", "50", "--timeout", "1000", "--poll-only=false")) {
            s.waitFor("sigmoid is pending");
            for (String[] r : runaways) {
                Files.writeString(sigmoid, SOLVED.replace(forward, r[1] + " " + forward));
                s.waitFor("✗ sigmoid fails");
            }
            Files.writeString(sigmoid, SOLVED);
            s.waitFor("✓ sigmoid passes all");
            Thread.sleep(500); // the cancelled code stops at its next loop iteration or call
            var w = katagym.grader.guard.JavaThreadsCpu.over(1.5);
            assertThat(w.seconds()).as("CPU seconds the Java threads used over 1.5 s after the runaway saves (busiest: %s)", w.busiest())
                    .isLessThan(0.3);
            assertThat(s.quit()).isZero();
            assertThat(s.printed()).contains("System.exit(0) called").endsWith("bye\n");
        }
    }

    /**
     * {@code ./kata watch ARGS} running in this JVM with its keyboard and screen redirected: keys are
     * pressed through a pipe, the screen is read as it grows. Closing restores System.in and System.out.
     */
    private final class WatchSession implements AutoCloseable {
        private final InputStream savedIn = System.in;
        private final PrintStream savedOut = System.out;
        private final PipedOutputStream keys = new PipedOutputStream();
        private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
        private final ExecutorService session = Executors.newSingleThreadExecutor();
        private final Screen reader = new Screen(screen);
        private final Future<Integer> watch;

        WatchSession(String... args) throws IOException {
            System.setIn(new PipedInputStream(keys));
            System.setOut(new PrintStream(screen, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 1];
            all[0] = "watch";
            System.arraycopy(args, 0, all, 1, args.length);
            watch = session.submit(() -> KataCli.run(repo.withRoot(all)));
        }

        void waitFor(String... texts) throws InterruptedException { reader.waitFor(texts); }

        void press(char key) throws IOException {
            keys.write(key);
            keys.flush();
        }

        /** Presses q and returns watch's exit code. */
        int quit() throws Exception {
            press('q');
            return watch.get(30, TimeUnit.SECONDS);
        }

        String printed() { return screen.toString(StandardCharsets.UTF_8); }

        @Override
        public void close() {
            session.shutdownNow();
            System.setOut(savedOut);
            System.setIn(savedIn);
        }
    }

    /** What watch has printed so far, read as it grows: each wait starts after the last thing found. */
    private static final class Screen {
        private final ByteArrayOutputStream out;
        private int from;

        Screen(ByteArrayOutputStream out) { this.out = out; }

        void waitFor(String... texts) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                String all = out.toString(StandardCharsets.UTF_8);
                for (int at = all.indexOf(texts[0], from); at >= 0; at = all.indexOf(texts[0], at + 1)) {
                    String rest = all.substring(at);
                    int end = rest.indexOf("keys: h hint"); // a verdict ends with the progress bar
                    String verdict = end < 0 ? rest : rest.substring(0, end);
                    if (java.util.Arrays.stream(texts).allMatch(verdict::contains)) {
                        from = at + texts[0].length();
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("watch never printed " + java.util.Arrays.toString(texts) + "; it printed:\n" + all.substring(from));
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void resetRestoresTheStubFromGitHistoryAndKeepsTheLearnersVersion() throws Exception {
        Files.writeString(sigmoid, SOLVED);
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "my solution");
        assertThat(kata("grade", "sigmoid").exit()).isZero();
        assertThat(kata("list", "--status", "passed").out()).contains("sigmoid");
        LearnerRepo.Run reset = kata("reset", "sigmoid");
        assertThat(reset.exit()).as(reset.out()).isZero();
        assertThat(reset.out()).contains("sigmoid is pending again");
        assertThat(kata("list", "--status", "pending").out()).as("every view reads the history: reset is recorded there").contains("sigmoid");
        assertThat(kata("list", "--status", "passed").out()).doesNotContain("sigmoid");
        assertThat(Files.readString(sigmoid)).contains("throw new NotImplementedYet");
        try (Stream<Path> backups = Files.list(root.resolve(".kata/backups"))) {
            Path backup = backups.max(Comparator.naturalOrder()).orElseThrow();
            assertThat(Files.readString(backup)).isEqualTo(SOLVED);
        }
        assertThat(kata("reset", "sigmoid").out()).contains("already the original stub");
    }
}
