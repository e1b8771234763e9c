package katagym.web;

import java.nio.file.Files;
import java.nio.file.Path;
import katagym.grader.catalogue.Catalogue;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** What the browser tests share: a private copy of the repository's statements, and Debian's headless Chromium. */
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
}
