package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Request;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import katagym.grader.practice.PracticeLog;
import katagym.grader.practice.Scorecard;
import katagym.grader.report.Practice;
import katagym.grader.report.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Practice on the dashboard: a report's practice summary (validated strictly, stored, shown on the group
 * page), the local learner's interview pages from {@code .kata/interviews.jsonl}, and "Due for review".
 */
class PracticePagesTest {
    @TempDir Path dir;
    Fixture f;
    String alice;

    static final Practice PRACTICE = new Practice(
            List.of(new Practice.InterviewSummary("softmax", "2026-12-01T09:00:00Z", true, 754L, 1, 4),
                    new Practice.InterviewSummary("relu", "2026-11-30T09:00:00Z", false, null, 0, 2)),
            List.of(new Practice.OverdueReview("sigmoid", 3)));

    @BeforeEach
    void setUp() {
        f = new Fixture(dir.resolve("data"), dir);
        f.groups.create("ml-study");
        alice = f.groups.addMember("ml-study", "alice");
    }

    @AfterEach
    void tearDown() { f.close(); }

    private static Consumer<Request.Builder> post(String body, String token) {
        return b -> b.post(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    @Test
    void aReportsPracticeSummaryIsStoredAndTheGroupPageShowsItAndAnOlderReportWithoutOneKeepsIt() {
        JavalinTest.test(f.app, (server, client) -> {
            assertThat(client.get("/groups/ml-study").body().string()).contains("No member has uploaded a practice summary yet");
            var stored = client.request("/api/reports", post(Fixture.json(Fixture.passed("sigmoid").withPractice(PRACTICE)), alice));
            assertThat(stored.code()).isEqualTo(201);
            var withoutPractice = client.request("/api/reports", post(Fixture.json(Fixture.passed("tanh")), alice));
            assertThat(withoutPractice.code()).as("reports without practice stay valid").isEqualTo(201);
            String page = client.get("/groups/ml-study").body().string();
            assertThat(page).contains("id=\"practice-table\"")
                    .contains("2026-12-01 09:00 · softmax · ✓ passed in 12:34 · 1 hint")
                    .contains("2026-11-30 09:00 · relu · ✗ not passed · 0 hints")
                    .contains("sigmoid <span class=\"tag\">3 days overdue</span>");
            assertThat(f.store.practice(f.groups.memberId("ml-study", "alice").orElseThrow())).contains(PRACTICE);
            assertThat(client.get("/?member=alice").body().string()).as("a member's overview: what their upload said is overdue")
                    .contains("<span class=\"tag overdue\">3 days overdue</span>");
        });
    }

    @Test
    void aPracticeSummaryThatBreaksTheSchemaIsRefusedAndNothingIsStored() {
        JavalinTest.test(f.app, (server, client) -> {
            String valid = Fixture.json(Fixture.passed("sigmoid").withPractice(PRACTICE));
            refused(client, valid.replace("\"kata\":\"softmax\"", "\"kata\":\"no-such-kata\""), "unknown kata slug: no-such-kata");
            refused(client, valid.replace("\"kata\":\"sigmoid\",\"daysOverdue\"", "\"kata\":\"<script>\",\"daysOverdue\""), "unknown kata slug");
            refused(client, valid.replace("\"hints\":1", "\"hints\":\"1\""), "does not follow the schema");
            refused(client, valid.replace("\"hints\":1", "\"hints\":1.5"), "does not follow the schema");
            refused(client, valid.replace("\"passed\":true", "\"passed\":1"), "does not follow the schema");
            refused(client, valid.replace("\"daysOverdue\":3", "\"daysOverdue\":-3"), "daysOverdue must be 0 to");
            refused(client, valid.replace("\"secondsToPass\":754", "\"secondsToPass\":null"), "exactly when passed");
            refused(client, valid.replace("\"hints\":1", "\"hints\":1,\"extra\":1"), "does not follow the schema");
            refused(client, valid.replace("\"startedAt\":\"2026-12-01T09:00:00Z\"", "\"startedAt\":\"yesterday\""), "not an ISO-8601 instant");
            refused(client, valid.replace("\"practice\":{", "\"practice\":{\"x\":1,"), "does not follow the schema");
            refused(client, valid.replace("\"practice\":{", "\"practice\":7,\"p\":{"), "does not follow the schema");
            Practice twice = new Practice(List.of(), List.of(new Practice.OverdueReview("sigmoid", 1), new Practice.OverdueReview("sigmoid", 2)));
            refused(client, Fixture.json(Fixture.passed("sigmoid").withPractice(twice)), "appears twice");
            Practice six = new Practice(java.util.Collections.nCopies(6, PRACTICE.interviews().get(0)), List.of());
            refused(client, Fixture.json(Fixture.passed("sigmoid").withPractice(six)), "at most 5 scorecards");
            assertThat(f.store.runCount()).isZero();
            assertThat(f.store.practice(f.groups.memberId("ml-study", "alice").orElseThrow())).isEmpty();
        });
    }

    private void refused(io.javalin.testtools.HttpClient client, String body, String reason) {
        var r = client.request("/api/reports", post(body, alice));
        assertThat(r.code()).as(body).isEqualTo(422);
        assertThat(r.body().string()).as(body).contains(reason);
    }

    @Test
    void theInterviewsPageListsTheScorecardsAndEachPageShowsTheWrittenAnswersAsPlainTextNextToTheModelAnswers() throws Exception {
        String hostile = "<script>alert(1)</script> and $\\href{javascript:alert(1)}{x}$";
        new PracticeLog(dir).append(card("20261201-090000-sigmoid", "sigmoid", 754L, List.of(
                new Scorecard.Answer("Why do losses take *logits*?", hostile, "Because $\\log\\sigma(x) = -\\text{softplus}(-x)$ is **stable**."),
                new Scorecard.Answer("Write $\\log \\sigma(x)$ stably.", "-softplus(-x)", null))));
        new PracticeLog(dir).append(card("20261202-090000-relu", "relu", null, List.of()));
        JavalinTest.test(f.app, (server, client) -> {
            String list = client.get("/interviews").body().string();
            assertThat(list).contains("href=\"/interviews\">Interviews</a>")
                    .contains("<a href=\"/interviews/20261201-090000-sigmoid\">2026-12-01 09:00</a>").contains("12:34")
                    .contains("✗ not passed").contains("id=\"trend\"").contains("/assets/interviews.js");
            assertThat(list.indexOf("20261202-090000-relu")).as("newest first").isLessThan(list.indexOf("20261201-090000-sigmoid"));

            String page = client.get("/interviews/20261201-090000-sigmoid").body().string();
            assertThat(page).contains("first pass</th><td>12:34").contains("<code>finiteAndExactForHugeMagnitudes</code> ×2");
            assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            String written = page.substring(page.indexOf("<pre class=\"written\">"), page.indexOf("</pre>", page.indexOf("<pre class=\"written\">")));
            assertThat(written).as("the written answer is plain text, outside every region MathJax typesets").doesNotContain("mathjax_process");
            assertThat(page).contains("<div class=\"model mathjax_process\"><p>Because $\\log\\sigma(x) = -\\text{softplus}(-x)$ is <strong>stable</strong>.</p>");
            assertThat(page).contains("<div class=\"question mathjax_process\"><p>Write $\\log \\sigma(x)$ stably.</p>");
            assertThat(page).contains("No model answers yet; see the statement's theory");
            assertThat(client.get("/interviews/20261201-090000-nope").code()).isEqualTo(404);
            assertThat(client.get("/interviews/..%2F..%2Fetc").code()).isEqualTo(404);
        });
    }

    @Test
    void theOverviewShowsWhatIsDueForReviewAndTheDrillsDue() throws Exception {
        Instant firstPass = Instant.now().minus(Duration.ofDays(3)).minusSeconds(60);
        Report solved = Fixture.passed("sigmoid");
        solved = new Report(solved.schemaVersion(), firstPass.toString(), solved.runId(), solved.subject(), solved.strict(), solved.seed(),
                solved.summary(), solved.katas());
        Files.createDirectories(dir.resolve(".kata"));
        Files.writeString(dir.resolve(".kata/history.jsonl"), Fixture.json(solved) + "\n");
        JavalinTest.test(f.app, (server, client) -> {
            String before = client.get("/").body().string();
            assertThat(before).contains("id=\"due-for-review\"").contains("<a href=\"/katas/sigmoid\">Sigmoid, forward and backward, stable</a> <span class=\"tag overdue\">2 days overdue</span>")
                    .doesNotContain("drills-due");
            Files.writeString(dir.resolve(".kata/drills.jsonl"),
                    "{\"drill\":\"lora-params\",\"correct\":true,\"answeredAt\":\"" + firstPass + "\"}\n");
            assertThat(client.get("/").body().string()).as("a new drill answer shows without a new run")
                    .contains("<a href=\"/drills\">1 drill due</a>: <code>./kata drill --due</code>");
        });
    }

    private static Scorecard card(String id, String kata, Long secondsToPass, List<Scorecard.Answer> answers) {
        String start = id.substring(0, 4) + "-" + id.substring(4, 6) + "-" + id.substring(6, 8) + "T09:00:00Z";
        return new Scorecard(1, id, Scorecard.INTERVIEW, kata, "activations", "easy", start, start, 45, 60L, secondsToPass,
                secondsToPass != null, secondsToPass != null ? Scorecard.PASSED : Scorecard.TIME_UP, 3, 1,
                List.of(new Scorecard.FailedCheck("finiteAndExactForHugeMagnitudes", 2)), answers, ".kata/interview/" + id);
    }
}
