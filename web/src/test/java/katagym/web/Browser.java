package katagym.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import katagym.grader.catalogue.Catalogue;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests share: a private copy of the repository's statements, Debian's headless Chromium,
 * loading a page until it has drawn itself, and shutting down.
 */
final class Browser {
    private Browser() {}

    /**
     * A repository folder with the real statements and an empty history, so a test does not read the
     * developer's own runs.
     */
    static Path fakeRoot(Path dir) throws Exception {
        Path root = Path.of(System.getProperty("kata.root", "..")).toAbsolutePath().normalize();
        Path fakeRoot = dir.resolve("repo");
        Files.createDirectories(fakeRoot.resolve(".kata"));
        Files.createDirectories(fakeRoot.resolve("katas/src/main/resources/statements"));
        for (var k : Catalogue.standard().katas()) {
            Path statement = root.resolve(k.statementPath());
            if (Files.exists(statement)) Files.copy(statement, fakeRoot.resolve(k.statementPath()));
        }
        return fakeRoot;
    }

    /**
     * Headless Chromium with a profile of its own; the background-networking flags keep it from
     * calling out of this machine's closed network.
     */
    static WebDriver chromium(Path dir, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height, "--user-data-dir=" + dir.resolve("chrome-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static WebDriverWait waiting(WebDriver browser) { return new WebDriverWait(browser, Duration.ofSeconds(10)); }

    static Object js(WebDriver browser, String script, Object... args) { return ((JavascriptExecutor) browser).executeScript(script, args); }

    /** Loads {@code url} afresh and waits for what draws itself after load: charts and typeset formulas. */
    static void load(WebDriver browser, String url) {
        browser.get("about:blank"); // a new load, even when only the #fragment differs from the page shown
        browser.get(url);
        waiting(browser).until(d -> "complete".equals(js(browser, "return document.readyState")));
        if (!browser.findElements(By.cssSelector("canvas")).isEmpty()) {
            waiting(browser).until(d -> Boolean.TRUE.equals(js(browser,
                    "return !!window.Chart && [...document.querySelectorAll('canvas')].every(c => window.Chart.getChart(c))")));
        }
        if (!browser.findElements(By.cssSelector("#statement, .mathjax_process")).isEmpty()) {
            waiting(browser).until(d -> Boolean.TRUE.equals(js(browser, "return !!(window.MathJax && MathJax.startup && MathJax.startup.promise)")));
            ((JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; MathJax.startup.promise.then(() => done(true), () => done(false));");
        }
    }

    /** Quits the browser and stops the server, whichever of them started. */
    static void quit(WebDriver browser, WebMain.Server server) {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }
}
