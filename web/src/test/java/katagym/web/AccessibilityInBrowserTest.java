package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import katagym.grader.catalogue.Catalogue;
import katagym.web.store.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * WCAG 2.1 A and AA on every dashboard page, checked by axe-core in headless Chromium at a laptop
 * (1366 px) and a phone (390 px) width, and the group matrix worked with the keyboard alone. Runs with
 * -Dkata.dev=true like {@link PagesInBrowserTest}; the counts per page land in
 * web/target/axe/violations.tsv and screenshots in web/target/screenshots/.
 */
class AccessibilityInBrowserTest {
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final int[] WIDTHS = {1366, 390};
    @TempDir static Path dir;
    static WebMain.Server server;
    static WebDriver browser;
    static String base;
    static String adminToken;
    static Path fakeRoot;
    static final Path SHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kata.dev"), "browser tests run with -Dkata.dev=true (the project's CI)");
        fakeRoot = Browser.fakeRoot(dir);
        new katagym.grader.practice.PracticeLog(fakeRoot).append(new katagym.grader.practice.Scorecard(1, "20261201-090000-sigmoid",
                "interview", "sigmoid", "activations", "easy", "2026-12-01T09:00:00Z", "2026-12-01T09:20:00Z", 45, 45L, 754L, true, "passed",
                3, 1, List.of(new katagym.grader.practice.Scorecard.FailedCheck("compiles", 1)),
                List.of(new katagym.grader.practice.Scorecard.Answer("How does $\\tanh$ relate to $\\sigma$?", "2 sigma(2x) - 1",
                        "$\\tanh x = 2\\sigma(2x) - 1$.")), ".kata/interview/20261201-090000-sigmoid"));
        server = WebMain.start(fakeRoot, dir.resolve("data"), 0);
        base = "http://localhost:" + server.app().port();
        var store = server.store();
        long local = store.ensureMember(WebApp.LOCAL_MEMBER);
        store.store(local, Fixture.failedSigmoid());
        store.store(local, Fixture.failed("relu", "zeroForNegatives", 1));
        store.store(local, Fixture.passed("relu", "tanh"));
        // a group of three: one ahead, one with a failure, one who has not started
        server.groups().create("study");
        for (String m : List.of("alice", "bob", "carol")) server.groups().addMember("study", m);
        long alice = server.groups().memberId("study", "alice").orElseThrow();
        long bob = server.groups().memberId("study", "bob").orElseThrow();
        store.store(alice, Fixture.passed("relu", "tanh", "sigmoid", "softmax", "bubble-sort")
                .withPractice(new katagym.grader.report.Practice(
                        List.of(new katagym.grader.report.Practice.InterviewSummary("softmax", "2026-12-01T09:00:00Z", true, 754L, 1, 4)),
                        List.of(new katagym.grader.report.Practice.OverdueReview("relu", 2)))));
        store.store(bob, Fixture.failedSigmoid());
        store.store(bob, Fixture.passed("relu"));
        // a private group: strangers get its sign-in form
        server.groups().create("quiet", true);
        server.groups().addMember("quiet", "dana");
        adminToken = Tokens.admin(server.db()).createAdmin();

        browser = Browser.chromium(dir, 1366, 900);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() { Browser.quit(browser, server); }

    static WebDriverWait waiting() { return Browser.waiting(browser); }

    static Object js(String script, Object... args) { return Browser.js(browser, script, args); }

    static void open(String path) { Browser.load(browser, base + path); }

    static void screenshot(String name) throws Exception {
        // the whole page, not just the window: the phone layout is long
        Object height = js("return Math.min(6000, document.documentElement.scrollHeight)");
        Dimension size = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(size.getWidth(), ((Number) height).intValue() + 120));
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
        browser.manage().window().setSize(size);
    }

    static final Map<String, String> PAGES = new LinkedHashMap<>();
    static {
        PAGES.put("overview", "/");
        PAGES.put("catalogue", "/katas");
        PAGES.put("catalogue-filtered", "/katas?topic=activations&status=passed");
        PAGES.put("kata-passed", "/katas/relu");
        PAGES.put("kata-passed-attempts", "/katas/relu#attempts");
        PAGES.put("kata-failed", "/katas/sigmoid");
        PAGES.put("kata-formulas", "/katas/layer-norm");
        PAGES.put("kata-failed-attempts", "/katas/sigmoid#attempts");
        PAGES.put("member-overview", "/?member=alice");
        PAGES.put("member-kata", "/katas/sigmoid?member=bob#attempts");
        PAGES.put("group", "/groups/study");
        PAGES.put("groups", "/groups");
        PAGES.put("admin-login", "/admin");
        PAGES.put("group-sign-in", "/groups/quiet");
        PAGES.put("interviews", "/interviews");
        PAGES.put("interview", "/interviews/20261201-090000-sigmoid");
    }

    @Test
    void everyPageMeetsWcag21AaAtLaptopAndPhoneWidths() throws Exception {
        List<String> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int width : WIDTHS) {
            browser.manage().window().setSize(new Dimension(width, 900));
            for (var page : PAGES.entrySet()) {
                open(page.getValue());
                audit(page.getKey(), width, rows, failures);
            }
            // the admin page, logged in: the login form sets the cookie
            open("/admin");
            browser.findElement(By.name("token")).sendKeys(adminToken);
            browser.findElement(By.cssSelector("form[action='/admin/login'] button")).click();
            waiting().until(d -> !d.findElements(By.cssSelector("form[action='/admin/groups']")).isEmpty());
            audit("admin", width, rows, failures);
            browser.findElement(By.cssSelector("form[action='/admin/logout'] button")).click();
            waiting().until(d -> !d.findElements(By.name("token")).isEmpty());
            // a revealed hint is part of the kata page too
            Files.deleteIfExists(fakeRoot.resolve(".kata/hints.json"));
            open("/katas/sigmoid#hints");
            int before = browser.findElements(By.cssSelector("#hint-list .hint:not([hidden])")).size();
            browser.findElement(By.id("reveal-hint")).click();
            waiting().until(d -> d.findElements(By.cssSelector("#hint-list .hint:not([hidden])")).size() > before);
            audit("kata-hint-shown", width, rows, failures);
        }
        browser.manage().window().setSize(new Dimension(1366, 900));
        Path out = Path.of("target", "axe");
        Files.createDirectories(out);
        Files.write(out.resolve("violations.tsv"), rows);
        assertThat(failures).as("WCAG 2.1 A/AA violations found by axe").isEmpty();
    }

    static void audit(String name, int width, List<String> rows, List<String> failures) throws Exception {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        assertThat(results.isErrored()).as(results.getErrorMessage()).isFalse();
        int nodes = 0;
        for (Rule rule : results.getViolations()) {
            nodes += rule.getNodes().size();
            for (var node : rule.getNodes()) {
                failures.add(name + " @" + width + "px: " + rule.getId() + " (" + rule.getImpact() + ") " + node.getTarget()
                        + " " + node.getHtml().substring(0, Math.min(160, node.getHtml().length())) + " :: "
                        + String.valueOf(node.getFailureSummary()).replace('\n', ' '));
            }
        }
        // reflow: at a phone's width only the parts meant to scroll (the matrix, a wide statement) scroll sideways, never the page
        Object overflow = js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (((Number) overflow).intValue() > 0) failures.add(name + " @" + width + "px: the page scrolls sideways by " + overflow + " px");
        rows.add(name + "\t" + width + "\t" + results.getViolations().size() + " rules\t" + nodes + " nodes\t"
                + results.getViolations().stream().map(r -> r.getId() + "×" + r.getNodes().size()).toList());
        screenshot("a11y-" + name + "-" + width);
    }

    @Test
    void theGroupMatrixIsOneTabStopAwayAndArrowKeysMoveAcrossIt() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 900));
        open("/groups/study");
        js("document.activeElement && document.activeElement.blur()");
        int presses = 0;
        String focused = "";
        while (presses < 12) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            presses++;
            focused = (String) js("const a = document.activeElement; return a && a.closest('#matrix [role=gridcell]') ? 'cell' : (a ? a.tagName + '#' + a.id + '.' + a.className + ' ' + a.textContent.trim().slice(0, 30) : '')");
            if ("cell".equals(focused)) break;
        }
        assertThat(focused).as("a matrix cell has focus after " + presses + " Tab presses").isEqualTo("cell");
        WebElement first = browser.switchTo().activeElement();
        String firstName = first.getAttribute("aria-label") + first.getText();
        String kata0 = Catalogue.standard().katas().get(0).title();
        String kata1 = Catalogue.standard().katas().get(1).title();
        // a row per kata, a column per member: right is the next member, down the next kata
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
        WebElement right = browser.switchTo().activeElement();
        assertThat(right).isNotEqualTo(first);
        assertThat(right.getAttribute("aria-label")).startsWith("bob, " + kata0);
        assertThat(js("return document.activeElement.closest('[role=gridcell]') !== null")).isEqualTo(true);
        new Actions(browser).sendKeys(Keys.ARROW_DOWN).perform();
        WebElement down = browser.switchTo().activeElement();
        assertThat(down).isNotEqualTo(right);
        assertThat(down.getAttribute("aria-label")).startsWith("bob, " + kata1);
        assertThat(js("return document.activeElement.closest('[role=gridcell]') !== null")).isEqualTo(true);
        // one stop only: the roving tabindex leaves a single cell in the Tab order
        assertThat(js("return document.querySelectorAll('#matrix [tabindex=\"0\"]').length")).isEqualTo(1L);
        new Actions(browser).sendKeys(Keys.HOME).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("aria-label")).startsWith("alice, " + kata1);
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys(Keys.HOME).keyUp(Keys.CONTROL).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("aria-label") + browser.switchTo().activeElement().getText())
                .isEqualTo(firstName);
        // a cell names the member, the kata's title and the status, in words
        assertThat(first.getAttribute("aria-label") == null ? first.getText() : first.getAttribute("aria-label"))
                .contains("alice").contains(kata0);
        screenshot("a11y-group-keyboard");
    }

    @Test
    void aRevealedHintIsAnnouncedAndFocusLandsOnItWhenTheButtonRetires() throws Exception {
        Files.deleteIfExists(fakeRoot.resolve(".kata/hints.json"));
        browser.manage().window().setSize(new Dimension(1366, 900));
        open("/katas/sigmoid#hints");
        WebElement hints = browser.findElement(By.id("hint-list"));
        assertThat(hints.getAttribute("aria-live")).isEqualTo("polite");
        int total = browser.findElements(By.cssSelector("#hint-list .hint")).size();
        assertThat(total).isEqualTo(Catalogue.standard().get("sigmoid").hints().size() + 1);
        WebElement button = browser.findElement(By.id("reveal-hint"));
        for (int i = 1; i <= total; i++) {
            button.sendKeys(Keys.ENTER);
            int shown = i;
            waiting().until(d -> d.findElements(By.cssSelector("#hint-list .hint:not([hidden])")).size() == shown);
        }
        waiting().until(d -> !button.isEnabled());
        // focus is not left on a disabled control: it moves to the last hint revealed
        assertThat(js("const a = document.activeElement; return a && a.matches('#hint-list .hint:last-child') ")).isEqualTo(true);
    }

    @Test
    void theKataTabsAreOneTabStopAndTheArrowKeysMoveBetweenThem() {
        browser.manage().window().setSize(new Dimension(1366, 900));
        open("/katas/sigmoid");
        WebElement statement = browser.findElement(By.id("tab-statement"));
        assertThat(statement.getAttribute("aria-selected")).isEqualTo("true");
        assertThat(js("return [...document.querySelectorAll('[role=tab]')].filter(t => t.tabIndex === 0).length")).isEqualTo(1L);
        statement.sendKeys(Keys.ARROW_RIGHT);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("tab-attempts");
        assertThat(browser.findElement(By.id("attempts")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("statement-panel")).isDisplayed()).isFalse();
        new Actions(browser).sendKeys(Keys.END).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("tab-hints");
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("wraps around").isEqualTo("tab-statement");
        assertThat(browser.findElement(By.id("statement")).isDisplayed()).isTrue();
    }
}
