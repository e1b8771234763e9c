package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A private group's pages and API are read only by its members (signed in with their upload token) and the admin. */
class PrivateGroupsTest {
    @TempDir Path dir;
    Fixture f;
    String alice;
    String carol;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir.resolve("data"), dir);
        f.groups.create("secret", true);
        alice = f.groups.addMember("secret", "alice");
        f.groups.addMember("secret", "bob");
        f.groups.create("open");
        carol = f.groups.addMember("open", "carol");
        f.store.store(f.tokens.verify(alice).orElseThrow(), Fixture.passed("sigmoid"));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** Every way to read the private group or its members, as one list of paths. */
    static final String[] READS = {"/groups/secret", "/api/progress?group=secret&member=alice", "/api/progress?member=alice",
            "/?group=secret&member=bob", "/katas/sigmoid?group=secret&member=alice", "/api/katas/sigmoid?member=alice", "/katas?member=bob"};

    @Test
    void withoutSignInNothingOfThePrivateGroupIsShownNorItsMembersNamed() {
        JavalinTest.test(f.app, (server, client) -> {
            FormClient stranger = new FormClient(server.port());
            for (String path : READS) {
                var page = stranger.get(path);
                assertThat(page.code()).as(path).isIn(401, 404);
                assertThat(page.body()).as(path).doesNotContain("solved");
                if (path.contains("member=")) {
                    // a member of a private group answers exactly as a name no one has
                    String name = path.substring(path.indexOf("member=") + 7);
                    var nobody = stranger.get(path.replace("member=" + name, "member=ghost"));
                    assertThat(page.code()).as(path).isEqualTo(nobody.code());
                    assertThat(page.body()).as(path).isEqualTo(nobody.body().replace("ghost", name));
                }
            }
            var group = stranger.get("/groups/secret");
            assertThat(group.code()).isEqualTo(401);
            assertThat(group.body()).contains("private").contains("action=\"/groups/secret/sign-in\"").doesNotContain("alice");
            assertThat(stranger.get("/groups/open").body()).as("a public group stays public").contains("carol");
        });
    }

    @Test
    void aMemberSignsInWithTheirUploadTokenAndReadsOnlyTheirGroup() {
        f.groups.create("other-secret", true);
        f.groups.addMember("other-secret", "dana");
        JavalinTest.test(f.app, (server, client) -> {
            FormClient browser = new FormClient(server.port());
            browser.get("/groups/secret");
            var wrongGroup = browser.submit("/groups/secret/sign-in", Map.of("token", carol));
            assertThat(wrongGroup.code()).as("a member of another group").isEqualTo(401);
            var signIn = browser.followed(browser.submit("/groups/secret/sign-in", Map.of("token", alice)));
            assertThat(signIn.code()).isEqualTo(302);
            String secret = alice.split("_", 3)[2];
            assertThat(browser.setCookies).noneMatch(c -> c.contains(secret));
            assertThat(browser.cookies.get("kata_session")).matches("[A-Za-z0-9_-]{43}");
            for (String path : READS) assertThat(browser.get(path).code()).as(path).isEqualTo(200);
            assertThat(browser.get("/groups/secret").body()).contains("alice").contains("bob");
            var progress = browser.get("/api/progress?group=secret&member=alice");
            assertThat(progress.body()).contains("\"solved\":1");
            assertThat(progress.headers().firstValue("Cache-Control")).as("kept out of shared caches").hasValue("no-store");
            assertThat(browser.get("/groups/other-secret").code()).as("her session opens her group only").isEqualTo(401);
            // signing out (the button on the group page) ends the session on the server
            assertThat(browser.get("/groups/secret").body()).contains("action=\"/sign-out\"");
            assertThat(new FormClient(server.port()).get("/groups/open").body()).as("no button for a stranger").doesNotContain("/sign-out");
            String cookie = browser.cookieHeader();
            assertThat(browser.submit("/sign-out", Map.of()).code()).isEqualTo(302);
            assertThat(browser.get("/groups/secret", "Cookie", cookie).code()).isEqualTo(401);
        });
    }

    @Test
    void revokingTheMembersTokenEndsTheirSignInAndTheAdminReadsEveryGroup() {
        String adminToken = f.admin.createAdmin();
        JavalinTest.test(f.app, (server, client) -> {
            FormClient browser = new FormClient(server.port());
            browser.get("/groups/secret");
            browser.followed(browser.submit("/groups/secret/sign-in", Map.of("token", alice)));
            assertThat(browser.get("/groups/secret").code()).isEqualTo(200);
            f.groups.revokeMember("secret", "alice");
            assertThat(browser.get("/groups/secret").code()).isEqualTo(401);

            FormClient admin = new FormClient(server.port());
            admin.adminLogin(adminToken);
            assertThat(admin.get("/groups/secret").body()).contains("bob");
            assertThat(admin.get("/api/progress?group=secret&member=alice").code()).isEqualTo(200);
            assertThat(admin.get("/groups/secret").headers().firstValue("Cache-Control")).hasValue("no-store");
        });
    }

    @Test
    void aGroupMadePublicIsReadByAnyone() {
        JavalinTest.test(f.app, (server, client) -> {
            FormClient stranger = new FormClient(server.port());
            assertThat(stranger.get("/groups/secret").code()).isEqualTo(401);
            f.groups.setPrivate("secret", false);
            assertThat(stranger.get("/groups/secret").body()).contains("bob");
        });
    }
}
