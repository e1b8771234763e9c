package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Concept drills in headless Chromium: a numeric, a choice and an ordering question answered on
 * /drills/attention with the keyboard, each explanation seen, axe-core's WCAG 2.1 AA audit on every
 * state at a laptop (1366×900) and a phone (390×844), screenshots in web/target/screenshots/drills-*.png.
 */
class DrillsInBrowserTest {
    static final List<String> ORDER = List.of("Project the input to Q, K and V", "Split each projection into heads",
            "Scaled dot-product attention per head", "Concatenate the heads", "Apply the output projection");
    @TempDir static Path dir;
    static WebMain.Server server;
    static WebDriver browser;
    static String base;
    static final Path SHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kata.dev"), "browser tests run with -Dkata.dev=true (the project's CI)");
        Path root = DrillPagesTest.withFixtureDrills(Browser.fakeRoot(dir));
        server = WebMain.start(root, dir.resolve("data"), 0);
        base = "http://localhost:" + server.app().port();
        browser = Browser.chromium(dir, 1366, 900);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() { Browser.quit(browser, server); }

    static WebDriverWait waiting() { return Browser.waiting(browser); }

    static Object js(String script, Object... args) { return Browser.js(browser, script, args); }

    /** Waits for the page, and for MathJax when the page has formulas to typeset. */
    static void settle() {
        waiting().until(d -> "complete".equals(js("return document.readyState")));
        if (!browser.findElements(By.id("statement")).isEmpty()) {
            waiting().until(d -> Boolean.TRUE.equals(js("return !!(window.MathJax && MathJax.startup && MathJax.startup.promise)")));
            ((JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; MathJax.startup.promise.then(() => done(true), () => done(false));");
        }
    }

    static void open(String path) {
        browser.get(base + path);
        settle();
    }

    /** Submits the form with Enter from {@code field}, and waits for the answer page. */
    static void submitFrom(WebElement field) {
        field.sendKeys(Keys.ENTER);
        waiting().until(d -> !d.findElements(By.id("verdict")).isEmpty());
        settle();
    }

    static void screenshot(String name) throws Exception {
        Object height = js("return Math.min(6000, document.documentElement.scrollHeight)");
        Dimension size = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(size.getWidth(), Math.max(size.getHeight(), ((Number) height).intValue() + 120)));
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(size);
    }

    static void audit(String name, List<String> failures) throws Exception {
        Results results = new AxeBuilder().withTags(AccessibilityInBrowserTest.WCAG_21_AA).analyze(browser);
        assertThat(results.isErrored()).as(results.getErrorMessage()).isFalse();
        for (Rule rule : results.getViolations()) {
            for (var node : rule.getNodes()) failures.add(name + ": " + rule.getId() + " " + node.getTarget() + " :: " + node.getFailureSummary());
        }
        Object overflow = js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (((Number) overflow).intValue() > 0) failures.add(name + ": the page scrolls sideways by " + overflow + " px");
        screenshot("drills-" + name);
    }

    @Test
    void aNumericAChoiceAndAnOrderingQuestionAreAnsweredWithTheKeyboardAndExplained() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            String w = String.valueOf(size.getWidth());
            open("/drills");
            audit("overview-" + w, failures);
            browser.findElement(By.cssSelector("a[href='/drills/attention']")).click();
            settle();

            // 1. numeric: the first never-answered drill of the topic
            assertThat(browser.findElement(By.name("id")).getAttribute("value")).isIn("fixture-attention-score-variance", "fixture-attention-flops");
            boolean variance = browser.findElement(By.name("id")).getAttribute("value").equals("fixture-attention-score-variance");
            assertThat(browser.findElements(By.cssSelector("#question mjx-container"))).as("the formulas are typeset").isNotEmpty();
            audit("numeric-" + w, failures);
            WebElement answer = browser.findElement(By.id("answer"));
            answer.sendKeys(variance ? "64" : "268,435,456");
            submitFrom(answer);
            assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("Right.");
            assertThat(browser.findElement(By.id("explanation")).getText()).isNotBlank();
            assertThat(browser.findElement(By.id("see")).getAttribute("href")).endsWith("/katas/scaled-dot-product-attention");
            audit("numeric-answered-" + w, failures);

            // 2. choice, picked with the arrow keys, answered wrong on purpose: the right answer and why are shown
            browser.findElement(By.id("next-drill")).click();
            settle();
            while (!browser.findElement(By.name("id")).getAttribute("value").equals("fixture-attention-why-scale")) {
                skip();
            }
            audit("choice-" + w, failures);
            WebElement wrong = option(false);
            wrong.sendKeys(Keys.SPACE);
            assertThat(wrong.isSelected()).isTrue();
            submitFrom(wrong);
            assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("Not quite.");
            assertThat(browser.findElement(By.id("right-answer")).getText()).contains("saturation");
            assertThat(browser.findElement(By.id("explanation")).getText()).contains("gradient");
            audit("choice-answered-" + w, failures);

            // 3. ordering: each item's position typed into its select
            browser.findElement(By.id("next-drill")).click();
            settle();
            while (!browser.findElement(By.name("id")).getAttribute("value").equals("fixture-attention-steps-order")) {
                skip();
            }
            audit("order-" + w, failures);
            List<WebElement> selects = browser.findElements(By.cssSelector("select.position"));
            assertThat(selects).hasSize(5);
            for (WebElement select : selects) {
                String item = select.getAttribute("aria-label").substring("Position of: ".length());
                select.sendKeys(String.valueOf(ORDER.indexOf(item) + 1));
            }
            WebElement submit = browser.findElement(By.id("submit-answer"));
            submitFrom(submit);
            assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("Right.");
            assertThat(browser.findElement(By.id("right-answer")).getText()).contains(String.join(" > ", ORDER));
            assertThat(browser.findElement(By.id("see")).getAttribute("href")).endsWith("/katas/multi-head-self-attention");
            audit("order-answered-" + w, failures);
        }
        open("/drills");
        assertThat(browser.findElement(By.id("topic-attention")).getText()).contains("answers right");
        assertThat(failures).as("WCAG 2.1 A/AA violations and sideways scrolling on the drill pages").isEmpty();
    }

    /** The why-scale drill's right option (the one about saturation), or a wrong one: the options are shown shuffled. */
    static WebElement option(boolean right) {
        for (WebElement label : browser.findElements(By.cssSelector("label[for^='choice-']"))) {
            if (label.getText().contains("saturation") == right) return browser.findElement(By.id(label.getAttribute("for")));
        }
        throw new AssertionError("no " + (right ? "right" : "wrong") + " option on the page");
    }

    /** Answers the drill on the page (whatever it is) so the next one comes up. */
    static void skip() {
        String id = browser.findElement(By.name("id")).getAttribute("value");
        switch (id) {
            case "fixture-attention-score-variance" -> browser.findElement(By.id("answer")).sendKeys("64");
            case "fixture-attention-flops" -> browser.findElement(By.id("answer")).sendKeys("268435456");
            case "fixture-attention-why-scale" -> option(true).click();
            default -> { }
        }
        browser.findElement(By.id("submit-answer")).click();
        waiting().until(d -> !d.findElements(By.id("verdict")).isEmpty());
        browser.findElement(By.id("next-drill")).click();
        settle();
    }
}
