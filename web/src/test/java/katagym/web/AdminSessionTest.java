package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin cookie is a server-side session: never the token, ended by logout, expiry and revocation. */
class AdminSessionTest {
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

    private static FormClient.Page createGroup(FormClient browser, String name) {
        return browser.submit("/admin/groups", Map.of("name", name));
    }

    @Test
    void theCookieIsARandomSessionIdHttpOnlyAndStrictNeverTheToken() {
        JavalinTest.test(f.app, (server, client) -> {
            FormClient browser = new FormClient(server.port());
            assertThat(browser.adminLogin(adminToken).code()).isEqualTo(302);
            String session = browser.setCookies.stream().filter(c -> c.startsWith("kata_session=")).findFirst().orElseThrow();
            String secret = adminToken.split("_", 3)[2];
            assertThat(browser.setCookies).noneMatch(c -> c.contains(secret));
            assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("Secure");
            assertThat(browser.cookies.get("kata_session")).matches("[A-Za-z0-9_-]{43}");
            assertThat(createGroup(browser, "nlp-club").body()).contains("created group nlp-club");
            // a second login gets a different session
            FormClient other = new FormClient(server.port());
            other.adminLogin(adminToken);
            assertThat(other.cookies.get("kata_session")).isNotEqualTo(browser.cookies.get("kata_session"));
        });
    }

    @Test
    void theAdminTokenItselfIsNoLongerACookie() {
        JavalinTest.test(f.app, (server, client) -> {
            FormClient browser = new FormClient(server.port());
            browser.get("/admin");
            var refused = browser.submit("/admin/groups", Map.of("name", "x"), "Cookie", "kata_admin=" + adminToken);
            assertThat(refused.code()).isIn(401, 403);
            assertThat(f.groups.find("x")).isEmpty();
        });
    }

    @Test
    void logoutEndsTheSessionOnTheServerSoReplayingTheOldCookieFails() {
        JavalinTest.test(f.app, (server, client) -> {
            FormClient browser = new FormClient(server.port());
            browser.adminLogin(adminToken);
            String stolen = browser.cookieHeader();
            String stolenCsrf = browser.csrf;
            assertThat(browser.get("/admin").body()).contains("Create group");
            assertThat(browser.submit("/admin/logout", Map.of()).code()).isEqualTo(302);
            FormClient thief = new FormClient(server.port());
            thief.csrf = stolenCsrf;
            var replay = thief.submit("/admin/groups", Map.of("name", "after-logout"), "Cookie", stolen);
            assertThat(replay.code()).isIn(401, 403);
            assertThat(f.groups.find("after-logout")).isEmpty();
            assertThat(thief.get("/admin", "Cookie", stolen).body()).doesNotContain("Create group").contains("Admin token");
        });
    }

    @Test
    void revokingTheAdminTokenEndsEverySessionMadeWithIt() {
        JavalinTest.test(f.app, (server, client) -> {
            FormClient browser = new FormClient(server.port());
            browser.adminLogin(adminToken);
            assertThat(browser.get("/admin").body()).contains("Create group");
            int exit = WebMain.run("group", "admin-token", "--revoke", adminToken, "--data", dir.resolve("data").toString());
            assertThat(exit).isZero();
            assertThat(f.admin.verify(adminToken)).isEmpty();
            var after = createGroup(browser, "after-revoke");
            assertThat(after.code()).isIn(401, 403);
            assertThat(f.groups.find("after-revoke")).isEmpty();
            assertThat(browser.get("/admin").body()).doesNotContain("Create group");
            assertThat(new FormClient(server.port()).adminLogin(adminToken).code()).as("the token no longer logs in").isEqualTo(401);
        });
    }
    @Test
    void aSessionEndsAfterItsIdleLimitAndAtItsAbsoluteLimit() {
        UploadLimitsTest.TestClock clock = new UploadLimitsTest.TestClock();
        var options = Fixture.UNLIMITED.clock(clock).sessions(java.time.Duration.ofMinutes(30), java.time.Duration.ofHours(8));
        try (Fixture timed = new Fixture(dir.resolve("timed"), dir, katagym.grader.catalogue.Catalogue.standard(), options)) {
            String token = timed.admin.createAdmin();
            JavalinTest.test(timed.app, (server, client) -> {
                FormClient browser = new FormClient(server.port());
                browser.adminLogin(token);
                clock.advance(java.time.Duration.ofMinutes(29));
                assertThat(browser.get("/admin").body()).contains("Create group");
                clock.advance(java.time.Duration.ofMinutes(31)); // 31 min since the last request
                assertThat(browser.get("/admin").body()).doesNotContain("Create group");

                browser.adminLogin(token);
                for (int i = 0; i < 16; i++) { // active every 29 min: never idle, but 8 h after sign-in it ends
                    clock.advance(java.time.Duration.ofMinutes(29));
                    boolean open = browser.get("/admin").body().contains("Create group");
                    assertThat(open).as("after %d min", (i + 1) * 29).isEqualTo((i + 1) * 29 <= 8 * 60);
                }
            });
        }
    }

    @Test
    void theCookieIsSecureOverTlsAndAProxysHeaderIsTrustedOnlyWhenTheServerIsToldItIsBehindOne() {
        JavalinTest.test(f.app, (server, client) -> {
            FormClient direct = new FormClient(server.port());
            direct.get("/admin", "X-Forwarded-Proto", "https");
            direct.submit("/admin/login", Map.of("token", adminToken), "X-Forwarded-Proto", "https");
            assertThat(direct.setCookies).filteredOn(c -> c.startsWith("kata_session=")).singleElement()
                    .asString().doesNotContainIgnoringCase("secure");
        });
        try (Fixture proxied = new Fixture(dir.resolve("proxied"), dir, katagym.grader.catalogue.Catalogue.standard(),
                Fixture.UNLIMITED.behindTlsProxy(true))) {
            String token = proxied.admin.createAdmin();
            JavalinTest.test(proxied.app, (server, client) -> {
                FormClient browser = new FormClient(server.port());
                String https = browser.origin.replace("http://", "https://");
                browser.get("/admin", "X-Forwarded-Proto", "https");
                var login = browser.submit("/admin/login", Map.of("token", token), "X-Forwarded-Proto", "https", "Origin", https);
                assertThat(login.code()).isEqualTo(302);
                assertThat(browser.setCookies).filteredOn(c -> c.startsWith("kata_session=")).singleElement()
                        .asString().containsIgnoringCase("Secure");
                // behind the proxy the browser's origin is https: a plain-http origin is another site
                var plain = browser.submit("/admin/logout", Map.of(), "X-Forwarded-Proto", "https", "Origin", browser.origin);
                assertThat(plain.code()).isEqualTo(403);
            });
        }
    }
}
