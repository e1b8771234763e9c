package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.Dimension;
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

    static Path fakeRoot;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kata.dev"), "browser tests run with -Dkata.dev=true (the project's CI)");
        fakeRoot = Browser.fakeRoot(dir);
        server = WebMain.start(fakeRoot, dir.resolve("data"), 0);
        base = "http://localhost:" + server.app().port();
        var store = server.store();
        long local = store.ensureMember(WebApp.LOCAL_MEMBER);
        store.store(local, Fixture.failedSigmoid());
        // relu: failed, then a whole-catalogue run where it was still pending (not an attempt), then passed
        store.store(local, Fixture.failed("relu", "zeroForNegatives", 0));
        store.store(local, Report.of("katas", false, 3, List.of(new KataReport("relu", "activations", "ReLU", Status.PENDING, 0, List.of()))));
        store.store(local, Fixture.passed("relu"));
        // a group of three: one ahead, one with a failure, one who has not started
        server.groups().create("study");
        for (String m : List.of("alice", "bob", "carol")) server.groups().addMember("study", m);
        long alice = server.groups().memberId("study", "alice").orElseThrow();
        long bob = server.groups().memberId("study", "bob").orElseThrow();
        store.store(alice, Fixture.passed("relu", "tanh", "sigmoid", "softmax", "bubble-sort"));
        store.store(bob, Fixture.failedSigmoid());
        store.store(bob, Fixture.passed("relu"));

        browser = Browser.chromium(dir, 1200, 1600);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() { Browser.quit(browser, server); }

    static void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    /** The whole page at the window's width, however long it is. */
    static void fullScreenshot(String name) throws Exception {
        Object height = js("return Math.min(7000, document.documentElement.scrollHeight)");
        Dimension size = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(size.getWidth(), ((Number) height).intValue() + 120));
        screenshot(name);
        browser.manage().window().setSize(size);
    }

    static WebDriverWait waiting() { return Browser.waiting(browser); }

    static Object js(String script, Object... args) { return Browser.js(browser, script, args); }

    static void open(String path) { Browser.load(browser, base + path); }

    static void forgetHints() throws Exception {
        Files.deleteIfExists(fakeRoot.resolve(".kata/hints.json"));
    }

    @Test
    void theOverviewShowsProgressWhatFailsAndLeadsToTheNextKata() throws Exception {
        browser.get(base + "/");
        assertThat(browser.findElement(By.id("solved")).getText()).isEqualTo("1 / " + Catalogue.standard().katas().size() + " katas solved");
        assertThat(browser.findElements(By.cssSelector("table.topics tr"))).hasSize(Catalogue.standard().topics().size());
        List<String> failing = browser.findElements(By.cssSelector("#failing-now li")).stream().map(WebElement::getText).toList();
        assertThat(failing).anySatisfy(f -> assertThat(f).contains(Catalogue.standard().get("sigmoid").title()).contains("forwardMatchesReference"))
                .noneSatisfy(f -> assertThat(f).contains(Catalogue.standard().get("relu").title()));
        screenshot("overview");
        // next: the first kata not tried yet (the failing one is listed above it)
        var statuses = server.store().latestStatuses(server.store().ensureMember(WebApp.LOCAL_MEMBER));
        String next = Catalogue.standard().katas().stream().filter(k -> !statuses.containsKey(k.slug())).findFirst().orElseThrow().slug();
        browser.findElement(By.id("next-kata")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/katas/" + next));
    }

    @Test
    void theKataPageShowsTheStatementFirstTheFailureUnderAttemptsAndRevealsHintsOneByOne() throws Exception {
        forgetHints();
        open("/katas/sigmoid");
        assertThat(browser.findElement(By.id("kata-status")).getText()).isEqualTo("failed");
        // the statement is the tab open first; MathJax (served from its WebJar) typesets its formulas
        assertThat(browser.findElement(By.id("tab-statement")).getAttribute("aria-selected")).isEqualTo("true");
        assertThat(browser.findElement(By.id("statement")).isDisplayed()).isTrue();
        waiting().until(d -> !d.findElements(By.cssSelector("#statement mjx-container")).isEmpty());
        // the failure is summed up above the tabs and shown in full under the attempts
        assertThat(browser.findElement(By.id("failing-summary")).getText()).contains("forwardMatchesReference");
        browser.findElement(By.cssSelector("#failing-summary a")).click();
        assertThat(browser.findElement(By.id("tab-attempts")).getAttribute("aria-selected")).isEqualTo("true");
        assertThat(browser.findElement(By.id("counterexample")).getText()).contains("709.7827128933841");
        assertThat(browser.findElement(By.id("seed")).getText()).isEqualTo("1234567");

        browser.findElement(By.id("tab-hints")).click();
        List<WebElement> hints = browser.findElements(By.cssSelector("#hint-list .hint"));
        assertThat(hints).hasSize(Catalogue.standard().get("sigmoid").hints().size() + 1).noneMatch(WebElement::isDisplayed);
        browser.findElement(By.id("reveal-hint")).click();
        waiting().until(d -> hints.get(0).isDisplayed());
        assertThat(hints.get(1).isDisplayed()).isFalse();
        assertThat(hints.get(0).getText()).isEqualTo(Catalogue.standard().get("sigmoid").hints().get(0));
        assertThat(browser.findElement(By.id("hint-count")).getText()).isEqualTo("1/" + hints.size());
        // revealed in the shared store: a reload (or ./kata hint) shows it still
        assertThat(katagym.grader.hints.HintStore.of(fakeRoot).shown("sigmoid")).isEqualTo(1);
        open("/katas/sigmoid#hints");
        assertThat(browser.findElements(By.cssSelector("#hint-list .hint")).get(0).isDisplayed()).isTrue();
        screenshot("kata-sigmoid");
    }

    @Test
    void theLastHintOpensTheDerivation() throws Exception {
        forgetHints();
        int total = Catalogue.standard().get("layer-norm").hints().size() + 1;
        for (int i = 0; i < total; i++) katagym.grader.hints.HintStore.of(fakeRoot).revealNext("layer-norm", total);
        open("/katas/layer-norm#hints");
        WebElement last = browser.findElement(By.cssSelector("#hint-list .hint:last-child"));
        assertThat(last.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("reveal-hint")).isEnabled()).isFalse();
        last.findElement(By.cssSelector("a.open-derivation")).click();
        assertThat(browser.findElement(By.id("tab-statement")).getAttribute("aria-selected")).isEqualTo("true");
        assertThat(browser.findElement(By.id("derivation")).getAttribute("open")).isNotNull();
    }

    /** The pages of issue 14 at a laptop's and a phone's size: what each must show, and never a page wider than the window. */
    @Test
    void everyPageFitsALaptopAndAPhoneAndShowsWhatItIsFor() throws Exception {
        List<String> titles = Catalogue.standard().katas().stream().map(k -> k.title()).toList();
        List<String> checked = new java.util.ArrayList<>();
        for (int[] size : new int[][] {{1366, 900}, {390, 844}}) {
            browser.manage().window().setSize(new Dimension(size[0], size[1]));
            int width = size[0];
            String at = " at " + width + " px";

            open("/");
            List<String> failing = browser.findElements(By.cssSelector("#failing-now li a")).stream().map(WebElement::getText).toList();
            assertThat(failing).as("failing now" + at).contains(Catalogue.standard().get("sigmoid").title());
            assertThat(browser.findElement(By.id("next-kata")).isDisplayed()).isTrue();
            // zeros are not coloured as news: no "ok" or "bad" class on a 0
            assertThat(js("return [...document.querySelectorAll('#recent td.ok, #recent td.bad')].filter(td => td.textContent.trim() === '0').length"))
                    .isEqualTo(0L);
            fits("overview", width, "h1");

            open("/katas");
            assertThat(browser.findElements(By.cssSelector("#katas tr"))).hasSize(titles.size() + 1);
            fits("catalogue", width, "h1");

            open("/katas/sigmoid#attempts");
            assertThat(browser.findElement(By.id("last-failure")).isDisplayed()).as("the failure of a failing kata" + at).isTrue();
            assertThat(browser.findElement(By.id("counterexample")).getText()).contains("709.7827128933841");
            assertThat(js("return document.querySelector('#last-failure time').textContent")).as("a local, human time")
                    .asString().doesNotContain("T").containsAnyOf("ago", "just now");
            stepChartIsLabelled(1);
            assertThat(js("return new Set([...document.querySelectorAll('[role=tab]')].map(t => t.offsetTop)).size"))
                    .as("the three tabs on one line" + at).isEqualTo(1L);
            fits("kata-failed", width, "h1");

            open("/katas/relu#attempts");
            assertThat(browser.findElements(By.id("failing-summary"))).isEmpty();
            WebElement fixed = browser.findElement(By.id("fixed-failure"));
            assertThat(fixed.getAttribute("open")).as("the old failure of a passed kata is folded" + at).isNull();
            assertThat(fixed.findElement(By.tagName("summary")).getText()).startsWith("Fixed since");
            assertThat(browser.findElement(By.id("last-failure")).isDisplayed()).isFalse();
            // two graded attempts: the whole-catalogue run where relu was pending is not one
            stepChartIsLabelled(2);
            fits("kata-passed", width, "h1");

            open("/katas/sigmoid?member=bob#attempts");
            assertThat(browser.findElement(By.id("member-banner")).getText()).contains("bob's attempts");
            assertThat(browser.getTitle()).startsWith("bob's attempts · " + Catalogue.standard().get("sigmoid").title());
            assertThat(browser.findElement(By.id("tab-attempts")).getText()).startsWith("bob's attempts");
            assertThat(browser.findElements(By.id("hint-form"))).as("no hint reveal on a member's page").isEmpty();
            assertThat(browser.findElement(By.id("last-failure")).isDisplayed()).isTrue();
            fits("member-kata", width, "h1");

            open("/groups/study");
            List<String> rows = browser.findElements(By.cssSelector("#matrix th.kata-title")).stream().map(WebElement::getText).toList();
            assertThat(rows).as("every matrix row is named by its kata's title" + at).containsExactlyInAnyOrderElementsOf(titles);
            List<String> columns = browser.findElements(By.cssSelector("#matrix thead th")).stream().map(WebElement::getText).toList();
            assertThat(columns).as("every matrix column is named" + at).containsExactly("kata", "alice", "bob", "carol");
            // each cell's name says its column's member and its row's kata
            Object misnamed = js("""
                    const heads = [...document.querySelectorAll('#matrix thead th')].map(th => th.textContent.trim());
                    return [...document.querySelectorAll('#matrix tbody tr')].filter(tr => tr.querySelector('th.kata-title')).flatMap(tr =>
                      [...tr.querySelectorAll('td a')].filter((a, i) => a.getAttribute('aria-label') !==
                        heads[i + 1] + ', ' + tr.querySelector('th.kata-title').textContent.trim() + ': ' + a.closest('td').classList[1]))
                      .map(a => a.getAttribute('aria-label'));""");
            assertThat((List<?>) misnamed).isEmpty();
            assertThat(js("const w = document.querySelector('.matrix-wrap'); return w.scrollWidth <= w.clientWidth"))
                    .as("three members' matrix fits without sideways scrolling" + at).isEqualTo(true);
            assertThat(js("return Chart.getChart(document.getElementById('activity')).data.labels.length")).isEqualTo(30L);
            assertThat(browser.findElement(By.tagName("footer")).getText()).doesNotContain("your run history");
            fits("group", width, "h1", "#matrix-title", "#activity");

            // a statement's wide display formula scrolls inside its own box, never cut off or widening the page
            open("/katas/layer-norm");
            waiting().until(d -> !d.findElements(By.cssSelector("#statement mjx-container[display='true']")).isEmpty());
            ((JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; MathJax.startup.promise.then(() => done(true), () => done(false));");
            js("window.dispatchEvent(new Event('resize'))");
            Object cut = js("""
                    return [...document.querySelectorAll('#statement mjx-container')]
                      .filter(m => m.offsetParent !== null && (m.scrollWidth > m.clientWidth + 1
                        || m.getBoundingClientRect().right > m.closest('li, p, td, #statement').getBoundingClientRect().right + 1)
                        && !(['auto', 'scroll'].includes(getComputedStyle(m).overflowX) && m.tabIndex === 0))
                      .map(m => m.textContent.slice(0, 40));""");
            assertThat((List<?>) cut).as("formulas cut off" + at).isEmpty();
            if (width < 600) {
                assertThat(js("return [...document.querySelectorAll('#statement mjx-container[display=\"true\"]')].some(m => m.scrollWidth > m.clientWidth + 1)"))
                        .as("layer-norm's first formula is wider than a phone: the check above had something to check").isEqualTo(true);
            }
            fits("kata-formulas", width, "#statement mjx-container[display='true']", "#statement mjx-container.wide");

            open("/groups");
            assertThat(browser.findElement(By.cssSelector("#groups a[href='/groups/study']")).getText()).isEqualTo("study");
            fits("groups", width);
            checked.add(width + " px: " + js("return window.innerWidth") + " wide inside");
        }
        browser.manage().window().setSize(new Dimension(1200, 1600));
        System.out.println("[pages] " + checked);
    }

    /** The attempts chart: a step line (no smoothing), axis titles, one label per graded attempt. */
    @SuppressWarnings("unchecked")
    static void stepChartIsLabelled(int attempts) {
        Object chart = js("""
                const c = Chart.getChart(document.getElementById('attempts-chart'));
                const d = c.data.datasets[0];
                return [c.options.scales.x.title.text, c.options.scales.x.title.display, c.options.scales.y.title.text,
                        String(d.stepped), String(d.tension), c.data.labels.join(',')];""");
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 1; i <= attempts; i++) labels.add(String.valueOf(i));
        assertThat((List<Object>) chart).containsExactly("attempt", true, "checks passed", "before", "0", String.join(",", labels));
    }

    /** No sideways scrolling of the page; a screenshot of the whole page. */
    static void fits(String name, int width, String... closeUps) throws Exception {
        Object sizes = js("return [document.documentElement.scrollWidth, window.innerWidth]");
        List<?> wh = (List<?>) sizes;
        assertThat(((Number) wh.get(0)).intValue()).as(name + " at " + width + " px: scrollWidth <= innerWidth")
                .isLessThanOrEqualTo(((Number) wh.get(1)).intValue());
        fullScreenshot("page-" + name + "-" + width);
        for (String selector : closeUps) {
            if (Boolean.TRUE.equals(js("const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView(); return !!e", selector))) screenshot("page-" + name + "-" + width + "-" + selector.replaceAll("[^a-z]", ""));
        }
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

        browser.get(base + "/katas/sigmoid?member=mallory#attempts");
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
        browser.get(base + "/katas/tanh#attempts");
        assertThat(browser.findElement(By.id("last-failure")).getText()).contains("<script>window.__xss=1</script>");
        screenshot("kata-escaped");
    }
}
