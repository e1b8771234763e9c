package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every state-changing request a cookie authenticates needs the session's CSRF token in the form and
 * a same-origin Origin / Sec-Fetch-Site; a refusal is a 403 that stores nothing.
 */
class CsrfTest {
    @TempDir Path dir;
    Fixture f;
    String adminToken;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir.resolve("data"), dir);
        adminToken = f.admin.createAdmin();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aCrossSiteTextPlainPostCarryingTheCookieIsRefused() {
        JavalinTest.test(f.app, (server, client) -> {
            FormClient browser = new FormClient(server.port());
            browser.adminLogin(adminToken);
            // what a page on another site can make a browser send: a text/plain form with the cookie attached
            var attack = browser.post("/admin/groups", "text/plain", "name=evil", "Origin", "https://evil.example",
                    "Sec-Fetch-Site", "cross-site");
            assertThat(attack.code()).isEqualTo(403);
            var urlencoded = browser.post("/admin/groups", "application/x-www-form-urlencoded", "name=evil&csrf=" + browser.csrf,
                    "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
            assertThat(urlencoded.code()).as("even with the right token").isEqualTo(403);
            var sameSiteOnly = browser.post("/admin/groups", "application/x-www-form-urlencoded", "name=evil&csrf=" + browser.csrf,
                    "Origin", "http://evil.localhost:" + server.port(), "Sec-Fetch-Site", "same-site");
            assertThat(sameSiteOnly.code()).as("a sibling site is another origin").isEqualTo(403);
            var noOrigin = browser.post("/admin/groups", "application/x-www-form-urlencoded", "name=evil&csrf=" + browser.csrf);
            assertThat(noOrigin.code()).as("neither Origin nor Sec-Fetch-Site").isEqualTo(403);
            assertThat(f.groups.find("evil")).isEmpty();
            assertThat(browser.submit("/admin/groups", Map.of("name", "fine")).code()).isEqualTo(200);
            assertThat(f.groups.find("fine")).isPresent();
        });
    }

    @Test
    void aMissingOrWrongCsrfTokenIsRefusedEvenFromTheSameOrigin() {
        JavalinTest.test(f.app, (server, client) -> {
            FormClient browser = new FormClient(server.port());
            browser.adminLogin(adminToken);
            String token = browser.csrf;
            assertThat(token).isNotBlank();
            browser.csrf = null;
            assertThat(browser.submit("/admin/groups", Map.of("name", "none")).code()).isEqualTo(403);
            assertThat(browser.submit("/admin/groups", Map.of("name", "wrong", "csrf", token + "x")).code()).isEqualTo(403);
            FormClient other = new FormClient(server.port());
            other.adminLogin(adminToken);
            assertThat(browser.submit("/admin/groups", Map.of("name", "other", "csrf", other.csrf)).code())
                    .as("another session's token").isEqualTo(403);
            assertThat(f.groups.all()).isEmpty();
            assertThat(browser.submit("/admin/groups", Map.of("name", "right", "csrf", token)).code()).isEqualTo(200);
        });
    }

    @Test
    void loginAndLogoutNeedTheTokenToo() {
        JavalinTest.test(f.app, (server, client) -> {
            FormClient browser = new FormClient(server.port());
            browser.get("/admin");
            var forged = browser.submit("/admin/login", Map.of("token", adminToken, "csrf", "forged"));
            assertThat(forged.code()).isEqualTo(403);
            assertThat(browser.cookies).doesNotContainKey("kata_session");
            assertThat(browser.submit("/admin/login", Map.of("token", adminToken)).code()).isEqualTo(302);
            assertThat(browser.get("/admin").body()).contains("Create group");
            assertThat(browser.submit("/admin/logout", Map.of("csrf", "forged")).code()).isEqualTo(403);
            assertThat(browser.get("/admin").body()).as("a forged logout leaves the session").contains("Create group");
        });
    }

    @Test
    void everyPostButTheBearerApiIsCheckedEvenOnRoutesAddedLater() {
        JavalinTest.test(f.app, (server, client) -> {
            FormClient browser = new FormClient(server.port());
            // no route answers this path yet: the guard runs before routing, so a later route is covered
            var later = browser.post("/katas/sigmoid/hints", "application/x-www-form-urlencoded", "n=1",
                    "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
            assertThat(later.code()).isEqualTo(403);
            // the bearer-token API is not cookie-authenticated: a CI job's upload has no Origin
            var upload = browser.post("/api/reports", "application/json", Fixture.json(Fixture.passed("sigmoid")),
                    "Authorization", "Bearer " + f.token);
            assertThat(upload.code()).isEqualTo(201);
        });
    }
}
