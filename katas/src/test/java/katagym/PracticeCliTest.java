package katagym;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import katagym.grader.cli.KataCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kata interview} and {@code ./kata review} end to end, in this JVM, on a temporary git
 * repository: the keyboard is a pipe, the clock is moved by hand (no test waits for minutes), and the
 * {@code s} key is the save trigger where a test needs an exact number of gradings.
 */
class PracticeCliTest {
    @TempDir Path root;
    LearnerRepo repo;
    Path sigmoid;
    byte[] learnersStub;
    final FakeClock clock = new FakeClock(Instant.now());

    @BeforeEach
    void aLearnerRepository() throws Exception {
        repo = LearnerRepo.create(root);
        sigmoid = repo.stub("activations", "Sigmoid");
        learnersStub = Files.readAllBytes(sigmoid);
    }

    @Test
    void anInterviewPassedOnTheSecondSaveIsScoredWithTheWrittenAnswersAndLeavesTheLearnersStubAlone() throws Exception {
        try (Session s = new Session("interview", "--kata", "sigmoid", "--no-watch", "--tries", "30")) {
            s.waitFor("Interview: sigmoid", "45 minutes on the clock", "edit  .kata/interview/");
            String statement = s.printed();
            assertThat(statement).contains("## What to write").doesNotContain("## Derivation").doesNotContain("## Follow-up questions");
            Path copy = interviewFile();
            assertThat(root.relativize(copy).toString()).matches("\\.kata/interview/\\d{8}-\\d{6}-sigmoid/katagym/activations/SigmoidKata\\.java");
            assertThat(Files.readString(copy)).isEqualTo(LearnerRepo.stub("Sigmoid"));

            clock.advance(Duration.ofSeconds(40));
            Files.writeString(copy, LearnerRepo.SOLVED_SIGMOID.replace("x[i] >= 0 ? 1 / (1 + Math.exp(-x[i])) : ", ""));
            s.type("s");
            s.waitFor("✗ sigmoid fails", "00:40 elapsed", "44:20 left", "1 attempt");
            s.type("s");
            s.waitFor("✗ sigmoid fails"); // the same version graded again is not another attempt
            clock.advance(Duration.ofSeconds(95));
            Files.writeString(copy, LearnerRepo.SOLVED_SIGMOID);
            s.type("s");
            s.waitFor("✓ sigmoid passes all", "Passed in 02:15.", "Follow-up questions");
            s.waitFor("1/3. Why do losses take *logits*");
            s.type("Logits let the loss use log-sum-exp:", "stable for any magnitude.", "");
            s.waitFor("2/3. Write $\\log \\sigma(x)$ stably.");
            s.type("", "-softplus(-x)", "");
            s.waitFor("3/3.");
            s.type("tanh x = 2 sigma(2x) - 1", "");
            assertThat(s.exit()).isZero();
        }
        String out = lastSession;
        assertThat(out).contains("Scorecard — interview ")
                .contains("result          passed · time box 45:00")
                .contains("first compile   00:40")
                .contains("first pass      02:15")
                .contains("attempts        2 gradings")
                .contains("hints used      0")
                .contains("failed checks   ").contains("finiteAndExactForHugeMagnitudes ×1")
                .contains("you wrote:    Logits let the loss use log-sum-exp:\n                   stable for any magnitude.")
                .contains("you wrote:    -softplus(-x)")
                .doesNotContain("no model answers yet")
                .contains("model answer: " + firstWords(katagym.grader.catalogue.FollowUps.answers(
                        Files.readString(root.resolve(katagym.grader.catalogue.Catalogue.standard().get("sigmoid").answersPath()))).get(1)));
        JsonNode card = onlyLine(".kata/interviews.jsonl");
        assertThat(card.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(card.get("kata").asText()).isEqualTo("sigmoid");
        assertThat(card.get("passed").asBoolean()).isTrue();
        assertThat(card.get("secondsToPass").asLong()).isEqualTo(135);
        assertThat(card.get("secondsToFirstCompile").asLong()).isEqualTo(40);
        assertThat(card.get("attempts").asInt()).isEqualTo(2);
        assertThat(card.get("answers")).hasSize(3);
        assertThat(card.get("answers").get(1).get("written").asText()).isEqualTo("-softplus(-x)");
        assertThat(card.get("answers").get(0).get("model").asText()).as("the model answer is kept with the scorecard").isNotBlank();
        assertThat(Files.readAllBytes(sigmoid)).as("the learner's stub, byte for byte").isEqualTo(learnersStub);
        assertThat(root.resolve(".kata/history.jsonl")).as("interview gradings are not the learner's kata status").doesNotExist();
    }

    @Test
    void anInterviewThatRunsOutOfTimeIsScoredNotPassed() throws Exception {
        try (Session s = new Session("interview", "--kata", "sigmoid", "--minutes", "45", "--no-watch", "--no-followups")) {
            s.waitFor("Interview: sigmoid");
            Files.writeString(interviewFile(), LearnerRepo.SOLVED_SIGMOID.replace("return y;", "return y"));
            clock.advance(Duration.ofMinutes(3));
            s.type("s");
            s.waitFor("does not compile", "03:00 elapsed");
            clock.advance(Duration.ofMinutes(38));
            s.waitFor("5 minutes left.");
            clock.advance(Duration.ofMinutes(5));
            s.waitFor("Time is up (45 minutes).");
            assertThat(s.exit()).isZero();
        }
        assertThat(lastSession).contains("result          not passed: time ran out")
                .contains("first compile   none").contains("first pass      not passed")
                .contains("attempts        1 grading").contains("failed checks   1 check, 1 failure: compiles ×1")
                .doesNotContain("Follow-up questions");
        JsonNode card = onlyLine(".kata/interviews.jsonl");
        assertThat(card.get("ending").asText()).isEqualTo("time-up");
        assertThat(card.get("secondsToPass").isNull()).isTrue();
        assertThat(Files.readAllBytes(sigmoid)).isEqualTo(learnersStub);
    }

    @Test
    void eachHintRevealedInAnInterviewIsChargedOnTheScorecardAndNotInTheLearnersHints() throws Exception {
        try (Session s = new Session("interview", "--kata", "sigmoid", "--no-watch", "--no-followups")) {
            s.waitFor("Interview: sigmoid");
            s.type("h");
            s.waitFor("Hint 1/");
            s.type("h");
            s.waitFor("Hint 2/");
            clock.advance(Duration.ofMinutes(5));
            s.type("q");
            s.waitFor("You gave up after 05:00.");
            assertThat(s.exit()).isZero();
        }
        assertThat(lastSession).contains("hints used      2 (charged)").contains("not passed: gave up").contains("attempts        0 gradings");
        assertThat(onlyLine(".kata/interviews.jsonl").get("hints").asInt()).isEqualTo(2);
        assertThat(root.resolve(".kata/hints.json")).as("the learner's own hint count").doesNotExist();
        assertThat(Files.readAllBytes(sigmoid)).isEqualTo(learnersStub);
    }

    @Test
    void theModelAnswersOfTheAnswersFileStandNextToTheWrittenOnes() throws Exception {
        Path answers = root.resolve("katas/src/main/resources/answers/sigmoid.md");
        Files.createDirectories(answers.getParent());
        Files.writeString(answers, "# Sigmoid: model answers\n\n1. Logits keep precision: log-sum-exp is stable.\n2. -softplus(-x).\n");
        try (Session s = new Session("interview", "--kata", "sigmoid", "--no-watch")) {
            s.waitFor("Interview: sigmoid");
            s.type("q");
            s.waitFor("1/3.");
            s.type("because of precision", "");
            s.waitFor("2/3.");
            s.type("no idea", "");
            s.waitFor("3/3.");
            s.type("");
            s.type("2 sigma(2x) - 1", "");
            assertThat(s.exit()).isZero();
        }
        assertThat(lastSession).contains("you wrote:    because of precision\n     model answer: Logits keep precision: log-sum-exp is stable.")
                .contains("you wrote:    no idea\n     model answer: -softplus(-x).")
                .contains("you wrote:    2 sigma(2x) - 1\n     model answer: no model answers yet; see the statement's theory");
        assertThat(onlyLine(".kata/interviews.jsonl").get("answers").get(0).get("model").asText()).isEqualTo("Logits keep precision: log-sum-exp is stable.");
    }

    @Test
    void aSaveIsGradedWithoutAKeyAsWatchDoes() throws Exception {
        try (Session s = new Session("interview", "--kata", "sigmoid", "--no-followups", "--poll-only", "--tries", "30")) {
            s.waitFor("Interview: sigmoid");
            Files.writeString(interviewFile(), LearnerRepo.SOLVED_SIGMOID);
            s.waitFor("✓ sigmoid passes all", "Passed in");
            assertThat(s.exit()).isZero();
        }
        assertThat(lastSession).contains("result          passed");
        assertThat(Files.readAllBytes(sigmoid)).isEqualTo(learnersStub);
    }

    @Test
    void theInterviewPicksAFailingKataFirstThenTheEasiestNeverSolved() throws Exception {
        // tanh fails now: it is picked before sigmoid, which comes earlier in the catalogue
        Files.writeString(root.resolve("katas/src/main/java/katagym/activations/TanhKata.java"),
                LearnerRepo.stub("Tanh").replace("public double[] forward(double[] x) { throw new NotImplementedYet(); }",
                        "public double[] forward(double[] x) { return x.clone(); }"));
        repo.kata(clock, "grade", "tanh");
        try (Session s = new Session("interview", "--no-watch", "--no-followups")) {
            s.waitFor("Interview: tanh");
            s.type("q");
            assertThat(s.exit()).isZero();
        }
        try (Session s = new Session("interview", "--no-watch", "--no-followups", "--topic", "sorting")) {
            s.waitFor("Interview: ");
            s.type("q");
            assertThat(s.exit()).isZero();
        }
        assertThat(lastSession).as("the easiest sorting kata never solved").contains("(sorting, easy)");
    }

    @Test
    void aReviewComesDueAfterADayGrowsAfterACleanResolveAndShrinksAfterAFailure() throws Exception {
        Files.writeString(sigmoid, LearnerRepo.SOLVED_SIGMOID);
        assertThat(repo.kata(clock, "grade", "sigmoid", "--tries", "30").exit()).isZero();
        byte[] solved = Files.readAllBytes(sigmoid);
        Instant firstPass = Instant.parse(onlyLine(".kata/history.jsonl").get("generatedAt").asText());
        clock.set(firstPass);

        assertThat(repo.kata(clock, "review", "--list").out()).contains("Nothing is due for review today.")
                .contains("sigmoid").contains("(in 1 day)");
        assertThat(repo.kata(clock, "review").out()).contains("Nothing is due for review today.");

        clock.set(firstPass.plus(Duration.ofDays(3)).plusSeconds(60));
        assertThat(repo.kata(clock, "next").out()).contains("Due for review: sigmoid (2 days overdue) — ./kata review");
        assertThat(repo.kata(clock, "review", "--list").out()).contains("Due today").contains("2 days overdue (interval 1 days)");

        Instant reviewed;
        try (Session s = new Session("review", "--no-watch", "--tries", "30")) {
            s.waitFor("Review: sigmoid", "20 minutes on the clock", "edit  .kata/review/");
            clock.advance(Duration.ofMinutes(4));
            Files.writeString(reviewFile(), LearnerRepo.SOLVED_SIGMOID);
            s.type("s");
            s.waitFor("Passed in 04:00.");
            reviewed = clock.instant();
            assertThat(s.exit()).isZero();
        }
        assertThat(lastSession).contains("clean: the interval grows")
                .contains("next review of sigmoid: " + day(reviewed.plus(Duration.ofDays(3))) + " (in 3 days)")
                .doesNotContain("Follow-up questions");

        clock.set(reviewed.plus(Duration.ofDays(3)).plusSeconds(1));
        assertThat(repo.kata(clock, "review", "--list").out()).contains("due today (interval 3 days)");
        try (Session s = new Session("review", "--no-watch")) {
            s.waitFor("Review: sigmoid");
            clock.advance(Duration.ofMinutes(21));
            s.waitFor("Time is up (20 minutes).");
            assertThat(s.exit()).isZero();
        }
        assertThat(lastSession).contains("not clean").contains("(in 1 day)");
        assertThat(Files.readAllLines(root.resolve(".kata/reviews.jsonl"))).hasSize(2);
        assertThat(Files.readAllBytes(sigmoid)).as("the learner's solved stub, byte for byte").isEqualTo(solved);
        assertThat(Files.readAllLines(root.resolve(".kata/history.jsonl"))).as("only the learner's own grading").hasSize(1);
    }

    @Test
    void strictReviewFailsAGradingOnlyWhenTheLearnerOptsInAndAReviewIsLaterThanTheLimit() throws Exception {
        Files.writeString(sigmoid, LearnerRepo.SOLVED_SIGMOID);
        assertThat(repo.kata(clock, "grade", "sigmoid", "--tries", "20").exit()).isZero();
        Instant firstPass = Instant.parse(onlyLine(".kata/history.jsonl").get("generatedAt").asText());
        clock.set(firstPass.plus(Duration.ofDays(10)).plusSeconds(60)); // due after 1 day: 9 days overdue
        assertThat(repo.kata(clock, "grade", "sigmoid", "--tries", "20").exit()).as("not opted in").isZero();
        var strict = repo.kata(clock, "grade", "sigmoid", "--tries", "20", "--strict-review", "7");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.out()).contains("strict review: 1 review is more than 7 days overdue: sigmoid (9 days overdue); run ./kata review");
        assertThat(repo.kata(clock, "grade", "sigmoid", "--tries", "20", "--strict-review", "9").exit()).isZero();
    }

    @Test
    void nextCountsTheDrillsDueFromTheDrillLog() throws Exception {
        Instant answered = clock.instant().minus(Duration.ofDays(2));
        Files.createDirectories(root.resolve(".kata"));
        Files.writeString(root.resolve(".kata/drills.jsonl"), String.join("\n",
                "{\"drill\":\"lora-params\",\"correct\":true,\"answeredAt\":\"" + answered + "\"}",
                "{\"drill\":\"zero3-bytes\",\"correct\":true,\"answeredAt\":\"" + answered + "\"}",
                "{\"drill\":\"kv-cache\",\"correct\":false,\"answeredAt\":\"" + answered + "\"}",
                "not json") + "\n");
        assertThat(repo.kata(clock, "next").out()).contains("2 drills due: ./kata drill --due");
    }

    private static String day(Instant t) { return t.atZone(ZoneOffset.UTC).toLocalDate().toString(); }

    private Path interviewFile() throws IOException { return copyUnder(".kata/interview"); }

    private Path reviewFile() throws IOException { return copyUnder(".kata/review"); }

    /** The newest session's blank copy under {@code dir}. */
    private Path copyUnder(String dir) throws IOException {
        try (Stream<Path> all = Files.walk(root.resolve(dir))) {
            return all.filter(p -> p.toString().endsWith("Kata.java")).max((a, b) -> a.toString().compareTo(b.toString())).orElseThrow();
        }
    }

    private JsonNode onlyLine(String file) throws IOException {
        List<String> lines = Files.readAllLines(root.resolve(file));
        assertThat(lines).hasSize(1);
        return new ObjectMapper().readTree(lines.get(0));
    }

    /** A clock the test moves. */
    static final class FakeClock extends Clock {
        private volatile Instant now;

        FakeClock(Instant start) { now = start; }

        void advance(Duration d) { now = now.plus(d); }

        void set(Instant t) { now = t; }

        @Override public Instant instant() { return now; }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
    }

    private String lastSession = "";

    /** A session running in this JVM: its keyboard a pipe, its screen read as it grows. */
    private final class Session implements AutoCloseable {
        private final InputStream savedIn = System.in;
        private final PrintStream savedOut = System.out;
        private final PipedOutputStream keys = new PipedOutputStream();
        private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
        private final ExecutorService runner = Executors.newSingleThreadExecutor();
        private final Future<Integer> exit;
        private int from;

        Session(String... args) throws IOException {
            System.setIn(new PipedInputStream(keys));
            System.setOut(new PrintStream(screen, true, StandardCharsets.UTF_8));
            exit = runner.submit(() -> KataCli.run(clock, repo.withRoot(args)));
        }

        /** Types each line and Enter. */
        void type(String... lines) throws IOException {
            for (String l : lines) keys.write((l + "\n").getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }

        String printed() { return screen.toString(StandardCharsets.UTF_8); }

        /** Waits until everything in {@code texts} is printed after what the last wait found. */
        void waitFor(String... texts) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                String rest = printed().substring(from);
                if (java.util.Arrays.stream(texts).allMatch(rest::contains)) {
                    from += java.util.Arrays.stream(texts).mapToInt(t -> rest.indexOf(t) + t.length()).max().orElse(0);
                    return;
                }
                if (exit.isDone() || System.nanoTime() > deadline) {
                    throw new AssertionError("never printed " + java.util.Arrays.toString(texts) + "; it printed:\n" + rest);
                }
                Thread.sleep(20);
            }
        }

        int exit() throws Exception {
            int code = exit.get(60, TimeUnit.SECONDS);
            lastSession = printed();
            return code;
        }

        @Override
        public void close() throws IOException {
            runner.shutdownNow();
            keys.close();
            System.setOut(savedOut);
            System.setIn(savedIn);
        }
    }

    /** The first words of an answer: what starts its first printed line, however the scorecard wraps it. */
    private static String firstWords(String text) { return String.join(" ", java.util.Arrays.asList(text.strip().split("\\s+")).subList(0, 5)); }
}
