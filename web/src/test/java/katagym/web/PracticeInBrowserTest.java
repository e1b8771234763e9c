package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import katagym.grader.practice.PracticeLog;
import katagym.grader.practice.Scorecard;
import katagym.grader.report.Practice;
import katagym.grader.report.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The practice pages in Chromium: the interviews trend, one interview's answers, "Due for review", a group's scorecards. */
class PracticeInBrowserTest {
    /** TeX that would draw a full-page fake login if typeset: a written answer must show it as text. */
    static final String OVERLAY = "$\\href{https://evil.example/login}{\\style{position:fixed;top:0;left:0;width:100vw;height:100vh;"
            + "background:white;z-index:9999}{\\text{Session expired}}}$ <img src=x onerror=\"window.__xss=1\">";
    @TempDir static Path dir;
    static WebMain.Server server;
    static WebDriver browser;
    static String base;
    static final Path SHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kata.dev"), "browser tests run with -Dkata.dev=true (the project's CI)");
        Path root = Browser.fakeRoot(dir);
        PracticeLog log = new PracticeLog(root);
        String[][] sessions = {{"20261120-090000-sigmoid", "sigmoid", "1510", "2"}, {"20261124-090000-relu", "relu", "", "1"},
                {"20261127-090000-softmax", "softmax", "1130", "1"}, {"20261201-090000-tanh", "tanh", "640", "0"}};
        for (String[] s : sessions) {
            Long toPass = s[2].isEmpty() ? null : Long.parseLong(s[2]);
            String start = s[0].substring(0, 4) + "-" + s[0].substring(4, 6) + "-" + s[0].substring(6, 8) + "T09:00:00Z";
            log.append(new Scorecard(1, s[0], Scorecard.INTERVIEW, s[1], "activations", "easy", start, start, 45, 60L, toPass,
                    toPass != null, toPass != null ? Scorecard.PASSED : Scorecard.TIME_UP, 6, Integer.parseInt(s[3]),
                    List.of(new Scorecard.FailedCheck("compiles", 1)), List.of(
                            new Scorecard.Answer("How does $\\tanh$ relate to $\\sigma$?", OVERLAY,
                                    "$\\tanh x = 2\\sigma(2x) - 1$: a **shifted, scaled** sigmoid."),
                            new Scorecard.Answer("Write $\\log \\sigma(x)$ stably.", "-softplus(-x)", null)), ".kata/interview/" + s[0]));
        }
        Report solved = Fixture.passed("sigmoid");
        Instant firstPass = Instant.now().minus(Duration.ofDays(4));
        solved = new Report(solved.schemaVersion(), firstPass.toString(), solved.runId(), solved.subject(), solved.strict(), solved.seed(),
                solved.summary(), solved.katas());
        Files.writeString(root.resolve(".kata/history.jsonl"), Fixture.json(solved) + "\n");
        server = WebMain.start(root, dir.resolve("data"), 0);
        base = "http://localhost:" + server.app().port();
        browser = Browser.chromium(dir, 1200, 1400);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() { Browser.quit(browser, server); }

    static void screenshot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    static WebDriverWait waiting() { return Browser.waiting(browser); }

    @Test
    void theInterviewsPageDrawsTheTrendWithLabelledAxesAndListsTheScorecards() throws Exception {
        browser.get(base + "/interviews");
        waiting().until(d -> ((JavascriptExecutor) d).executeScript("return !!window.Chart && !!Chart.getChart(document.getElementById('trend'))"));
        Object axes = ((JavascriptExecutor) browser).executeScript("const c = Chart.getChart(document.getElementById('trend'));"
                + " return [c.options.scales.x.title.text, c.options.scales.minutes.title.text, c.options.scales.hints.title.text];");
        assertThat(axes).isEqualTo(List.of("interview (date, UTC · kata)", "minutes to pass", "hints used"));
        assertThat(browser.findElements(By.cssSelector("#interviews tr"))).hasSize(1 + 4);
        assertThat(browser.findElement(By.id("trend")).getAttribute("aria-label")).contains("4 interview(s), 3 passed");
        screenshot("interviews");
        browser.findElement(By.linkText("2026-12-01 09:00")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/interviews/20261201-090000-tanh"));
    }

    @Test
    void anInterviewTypesetsTheModelAnswersButNeverTheLearnersWrittenAnswer() throws Exception {
        browser.get(base + "/interviews/20261201-090000-tanh");
        waiting().until(d -> !d.findElements(By.cssSelector(".model mjx-container")).isEmpty());
        Object done = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; MathJax.startup.promise.then(() => done(true), () => done(false));");
        assertThat(done).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector(".question mjx-container"))).isNotEmpty();
        var written = browser.findElements(By.cssSelector("pre.written"));
        assertThat(written.get(0).getText()).isEqualTo(OVERLAY);
        assertThat(written.get(0).findElements(By.cssSelector("mjx-container, img"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector(".model-missing")).getText()).contains("No model answers yet");
        screenshot("interview");
    }

    @Test
    void theOverviewSaysWhatIsDueAndTheGroupPageShowsEachMembersPractice() throws Exception {
        browser.get(base + "/");
        assertThat(browser.findElement(By.id("due-for-review")).getText()).contains("Sigmoid").contains("3 days overdue");
        screenshot("overview-due");
        server.groups().create("practice-club");
        String token = server.groups().addMember("practice-club", "alice");
        Report withPractice = Fixture.passed("sigmoid").withPractice(new Practice(
                List.of(new Practice.InterviewSummary("softmax", "2026-12-01T09:00:00Z", true, 754L, 1, 4)),
                List.of(new Practice.OverdueReview("relu", 2))));
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/reports"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Fixture.json(withPractice))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        browser.get(base + "/groups/practice-club");
        assertThat(browser.findElement(By.id("practice-table")).getText()).contains("alice").contains("softmax · ✓ passed in 12:34").contains("relu 2 days overdue");
        browser.findElement(By.id("practice")).getLocation();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('practice').scrollIntoView()");
        screenshot("group-practice");
    }
}
