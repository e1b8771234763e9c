package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Report;
import katagym.grader.report.Status;
import katagym.grader.spec.CheckKind;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs
 * them). Runs with -Dkata.dev=true, the project's own test mode, so a learner's mvn test never needs
 * a browser. Screenshots land in web/target/screenshots/.
 */
class PagesInBrowserTest {
    static final String XSS = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";
    @TempDir static Path dir;
    static WebMain.Server server;
    static WebDriver browser;
    static String base;
    static final Path SHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kata.dev"), "browser tests run with -Dkata.dev=true (the project's CI)");
        Path fakeRoot = Browser.fakeRoot(dir);
        server = WebMain.start(fakeRoot, dir.resolve("data"), 0);
        base = "http://localhost:" + server.app().port();
        server.store().store(server.store().ensureMember(WebApp.LOCAL_MEMBER), Fixture.failedSigmoid());

        browser = Browser.chromium(dir, 1200, 1600);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    static void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    static WebDriverWait waiting() { return new WebDriverWait(browser, Duration.ofSeconds(10)); }

    @Test
    void theOverviewShowsProgressAndLeadsToTheNextKata() throws Exception {
        browser.get(base + "/");
        assertThat(browser.findElement(By.id("solved")).getText()).isEqualTo("0 / " + katagym.grader.catalogue.Catalogue.standard().katas().size() + " katas solved");
        assertThat(browser.findElements(By.cssSelector("table.topics tr"))).hasSize(Catalogue.standard().topics().size());
        screenshot("overview");
        browser.findElement(By.id("next-kata")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/katas/sigmoid"));
    }

    @Test
    void theKataPageShowsTheStatementWithFormulasTheLastFailureAndRevealsHintsOneByOne() throws Exception {
        browser.get(base + "/katas/sigmoid");
        assertThat(browser.findElement(By.id("kata-status")).getText()).isEqualTo("failed");
        assertThat(browser.findElement(By.id("counterexample")).getText()).contains("709.7827128933841");
        assertThat(browser.findElement(By.id("seed")).getText()).isEqualTo("1234567");
        // MathJax (served from its WebJar) typesets the statement's formulas
        waiting().until(d -> !d.findElements(By.cssSelector("#statement mjx-container")).isEmpty());
        List<WebElement> hints = browser.findElements(By.cssSelector("#hints .hint"));
        assertThat(hints).hasSize(Catalogue.standard().get("sigmoid").hints().size()).noneMatch(WebElement::isDisplayed);
        browser.findElement(By.id("reveal-hint")).click();
        assertThat(hints.get(0).isDisplayed()).isTrue();
        assertThat(hints.get(1).isDisplayed()).isFalse();
        assertThat(hints.get(0).getText()).isEqualTo(Catalogue.standard().get("sigmoid").hints().get(0));
        waiting().until(d -> ((JavascriptExecutor) d).executeScript("return !!document.querySelector('#attempts') && !!window.Chart"));
        screenshot("kata-sigmoid");
    }

    @Test
    void theDerivationIsCollapsedUntilOpenedAndItsFormulasAreTypeset() throws Exception {
        browser.get(base + "/katas/layer-norm");
        WebElement details = browser.findElement(By.id("derivation"));
        assertThat(details.getAttribute("open")).as("closed at first").isNull();
        WebElement formulas = details.findElement(By.xpath("./*[not(self::summary)][1]"));
        assertThat(formulas.isDisplayed()).isFalse();
        details.findElement(By.tagName("summary")).click();
        assertThat(details.getAttribute("open")).isNotNull();
        waiting().until(d -> !d.findElements(By.cssSelector("#derivation mjx-container")).isEmpty());
        assertThat(details.findElement(By.cssSelector("mjx-container")).isDisplayed()).isTrue();
        screenshot("kata-layer-norm-derivation");
    }

    @Test
    void theCatalogueFilters() {
        browser.get(base + "/katas?topic=sorting");
        assertThat(browser.findElements(By.cssSelector("#katas tr"))).hasSize(1 + 7);
    }

    static final String OVERLAY = "$\\href{https://evil.example/login}{\\style{position:fixed;top:0;left:0;width:100vw;height:100vh;"
            + "background:white;z-index:9999;font-size:48px}{\\text{Session expired: log in again}}}$";

    @Test
    void texInAMembersReportIsShownAsTextNeverTypeset() throws Exception {
        server.groups().create("tex-club");
        String token = server.groups().addMember("tex-club", "mallory");
        Report overlay = Report.of("katas", false, 1, List.of(new KataReport("sigmoid", "activations", "Sigmoid", Status.FAILED, 3,
                List.of(new CheckReport(OVERLAY, CheckKind.ORACLE, Status.FAILED, OVERLAY, OVERLAY, 5L)))));
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/reports"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Fixture.json(overlay))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);

        browser.get(base + "/katas/sigmoid?member=mallory");
        // the statement is typeset, so MathJax has run over the page by now
        waiting().until(d -> !d.findElements(By.cssSelector("#statement mjx-container")).isEmpty());
        Object typesetDone = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; MathJax.startup.promise.then(() => done(true), () => done(false));");
        assertThat(typesetDone).isEqualTo(true);
        screenshot("kata-member-tex");
        assertThat(browser.findElement(By.id("last-failure")).getText()).contains("\\href{https://evil.example/login}");
        assertThat(browser.findElements(By.cssSelector("#last-failure mjx-container"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href*='evil.example']"))).isEmpty();
        Object positioned = ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('body *')].filter(e => ['fixed', 'absolute'].includes(getComputedStyle(e).position)"
                        + " && !e.closest('#statement')).map(e => e.tagName + ' ' + e.textContent.slice(0, 40));");
        assertThat((List<?>) positioned).isEmpty();
        // the safe extension is loaded for what is typeset
        assertThat(((JavascriptExecutor) browser).executeScript("return !!(MathJax._ && MathJax._.ui && MathJax._.ui.safe)")).isEqualTo(true);
    }

    @Test
    void scriptInEveryStringFieldOfAReportNeverExecutes() throws Exception {
        Report evil = new Report(Report.SCHEMA_VERSION, "2026-11-30T00:00:00Z", "evil-run", XSS, false, 1,
                new katagym.grader.report.Summary(1, 0, 1, 0),
                List.of(new KataReport("tanh", XSS, XSS, Status.FAILED, 1, List.of(
                        new CheckReport(XSS, CheckKind.ORACLE, Status.FAILED, XSS, XSS, 9L)))));
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/reports"))
                .header("Authorization", "Bearer " + server.localToken()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Fixture.json(evil))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        for (String page : List.of("/", "/katas", "/katas/tanh", "/katas?topic=activations")) {
            browser.get(base + page);
            Object flag = ((JavascriptExecutor) browser).executeScript("return window.__xss === undefined ? null : window.__xss;");
            assertThat(flag).as("script executed on " + page).isNull();
        }
        browser.get(base + "/katas/tanh");
        assertThat(browser.findElement(By.id("last-failure")).getText()).contains("<script>window.__xss=1</script>");
        screenshot("kata-escaped");
    }
}
