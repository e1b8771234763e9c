package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Members upload with their own tokens; the group page and the admin page show and manage them. */
class GroupsWebTest {
    @TempDir Path dir;
    Fixture f;
    String alice;
    String bob;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir.resolve("data"), dir);
        f.groups.create("ml-study");
        alice = f.groups.addMember("ml-study", "alice");
        bob = f.groups.addMember("ml-study", "bob");
    }

    private static io.javalin.testtools.Response upload(io.javalin.testtools.HttpClient client, String token, String body) {
        return client.request("/api/reports", b -> b.post(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").header("Authorization", "Bearer " + token));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void eachUploadCountsForTheTokensMemberOnlyAndARevokedTokenIsRefused() {
        JavalinTest.test(f.app, (server, client) -> {
            assertThat(upload(client, alice, Fixture.json(Fixture.passed("sigmoid", "tanh"))).code()).isEqualTo(201);
            assertThat(upload(client, bob, Fixture.json(Fixture.failedSigmoid())).code()).isEqualTo(201);
            assertThat(client.get("/api/progress?member=alice").body().string()).contains("\"solved\":2");
            assertThat(client.get("/api/progress?member=bob").body().string()).contains("\"solved\":0");
            // the same report from another member is that member's run, not a duplicate of alice's
            String shared = Fixture.json(Fixture.passed("relu"));
            assertThat(upload(client, alice, shared).code()).isEqualTo(201);
            assertThat(upload(client, bob, shared).code()).isEqualTo(201);
            assertThat(upload(client, bob, shared).code()).isEqualTo(200);
            f.groups.revokeMember("ml-study", "bob");
            int before = f.store.runCount();
            assertThat(upload(client, bob, Fixture.json(Fixture.passed("gelu"))).code()).isEqualTo(401);
            assertThat(f.store.runCount()).isEqualTo(before);
        });
    }

    @Test
    void theGroupPageShowsTheMatrixLeaderboardTopicsAndActivity() {
        f.store.store(f.tokens.verify(alice).orElseThrow(), Fixture.passed("sigmoid"));
        f.store.store(f.tokens.verify(bob).orElseThrow(), Fixture.failedSigmoid());
        JavalinTest.test(f.app, (server, client) -> {
            String page = client.get("/groups/ml-study").body().string();
            assertThat(page).contains("id=\"matrix\"").contains("id=\"leaderboard\"").contains("Completion by topic").contains("id=\"activity\"");
            // each cell is named by member, kata title and status in words, and shows a symbol too
            String sigmoid = katagym.grader.catalogue.Catalogue.standard().get("sigmoid").title();
            String tanh = katagym.grader.catalogue.Catalogue.standard().get("tanh").title();
            assertThat(page).contains("aria-label=\"alice, " + sigmoid + ": passed\">✓</a>")
                    .contains("aria-label=\"bob, " + sigmoid + ": failed\">✗</a>")
                    .contains("aria-label=\"bob, " + tanh + ": pending\">·</a>");
            // a failed cell opens the member's page at the failure; a passed one at the statement
            assertThat(page).contains("href=\"/katas/sigmoid?group=ml-study&member=bob#attempts\"").contains("href=\"/katas/sigmoid?group=ml-study&member=alice\"");
            // katas are rows named by their title, grouped by topic; members are the columns
            for (var k : katagym.grader.catalogue.Catalogue.standard().katas()) {
                assertThat(page).contains("<th role=\"rowheader\" scope=\"row\" class=\"kata-title\">" + k.title() + "</th>");
            }
            for (String topic : katagym.grader.catalogue.Catalogue.standard().topics()) {
                assertThat(page).contains("scope=\"rowgroup\" colspan=\"3\">" + topic + "</th>");
            }
            assertThat(page).contains("class=\"member-col\">alice</th>");
            // the activity chart has a bar for each of the last 30 days, quiet days as zeros
            String activity = page.substring(page.indexOf("data-activity=\"") + 15, page.indexOf("\"", page.indexOf("data-activity=\"") + 15))
                    .replace("&#34;", "\"").replace("&quot;", "\"");
            var days = katagym.grader.report.ReportFiles.JSON.readTree(activity);
            assertThat(days.size()).isEqualTo(30);
            assertThat(days.get(29).get("day").asText()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
            assertThat(days.get(0).get("runs").asInt()).isZero();
            assertThat(days.get(29).get("runs").asInt()).isEqualTo(2);
            assertThat(page).contains("2 run(s) on 1 of the last 30 days");
            // the footer speaks of the members' uploads, not of "your run history"
            assertThat(page.substring(page.indexOf("<footer>"))).contains("upload").doesNotContain("your run history");
            assertThat(page.indexOf(">alice</a>")).isLessThan(page.indexOf(">bob</a>"));
            String bobsKata = client.get("/katas/sigmoid?member=bob").body().string();
            assertThat(bobsKata).contains("Last failure").contains("709.7827128933841");
            assertThat(client.get("/groups/nope").code()).isEqualTo(404);
        });
    }

    @Test
    void theGroupsPageListsEachGroupWithItsMembersAndLastActivityAndTheNavLinksToIt() {
        f.groups.create("empty-club");
        f.store.store(f.tokens.verify(alice).orElseThrow(), Fixture.passed("sigmoid"));
        JavalinTest.test(f.app, (server, client) -> {
            var res = client.get("/groups");
            assertThat(res.code()).isEqualTo(200);
            String page = res.body().string();
            int study = page.indexOf("<a href=\"/groups/ml-study\">ml-study</a>");
            int empty = page.indexOf("<a href=\"/groups/empty-club\">empty-club</a>");
            assertThat(empty).as("listed by name").isPositive().isLessThan(study);
            String studyCard = page.substring(study, page.indexOf("</li>", study));
            assertThat(studyCard).contains("2 members").contains("alice, bob").contains("<time datetime=\"");
            String emptyCard = page.substring(empty, page.indexOf("</li>", empty));
            assertThat(emptyCard).contains("0 members").contains("none yet");
            assertThat(client.get("/").body().string()).contains("<a href=\"/groups\">Groups</a>");
        });
    }

    @Test
    void theAdminPageNeedsAnAdminTokenAndThenManagesGroups() {
        String adminToken = f.admin.createAdmin();
        JavalinTest.test(f.app, (server, client) -> {
            FormClient browser = new FormClient(server.port());
            assertThat(browser.get("/admin").body()).contains("Admin token");
            assertThat(browser.submit("/admin/groups", java.util.Map.of("name", "x")).code()).as("a valid form, but no admin session").isEqualTo(401);
            assertThat(f.groups.find("x")).isEmpty();
            assertThat(browser.submit("/admin/login", java.util.Map.of("token", alice)).code()).as("an upload token is not an admin token").isEqualTo(401);

            assertThat(browser.adminLogin(adminToken).code()).isEqualTo(302);
            var created = browser.submit("/admin/groups", java.util.Map.of("name", "nlp-club"));
            assertThat(created.body()).contains("created group nlp-club");
            var added = browser.submit("/admin/members", java.util.Map.of("group", "nlp-club", "member", "dana"));
            String body = added.body();
            assertThat(body).contains("added dana to nlp-club").contains("id=\"new-token\"");
            String token = body.substring(body.indexOf("<pre id=\"new-token\">") + 20, body.indexOf("</pre>", body.indexOf("new-token")));
            assertThat(f.tokens.verify(token)).isPresent();
            assertThat(added.headers().allValues("Cache-Control")).contains("no-store");
        });
    }

    @Test
    void cachedPagesFollowEachUploadAndAnUploadEvictsOnlyItsMembersPages() {
        long aliceId = f.tokens.verify(alice).orElseThrow();
        long bobId = f.tokens.verify(bob).orElseThrow();
        JavalinTest.test(f.app, (server, client) -> {
            assertThat(upload(client, alice, Fixture.json(Fixture.passed("sigmoid"))).code()).isEqualTo(201);
            assertThat(client.get("/api/progress?member=alice").body().string()).contains("\"solved\":1");
            assertThat(client.get("/?member=alice").body().string()).contains("1 / ");
            assertThat(client.get("/groups/ml-study").body().string()).contains("alice");
            long aliceVersion = f.store.version(aliceId);
            assertThat(upload(client, bob, Fixture.json(Fixture.passed("sigmoid", "tanh"))).code()).isEqualTo(201);
            assertThat(f.store.version(aliceId)).as("bob's upload leaves alice's pages cached").isEqualTo(aliceVersion);
            assertThat(f.store.version(bobId)).isGreaterThan(0);
            assertThat(client.get("/api/progress?member=bob").body().string()).contains("\"solved\":2");
            String group = client.get("/groups/ml-study").body().string();
            assertThat(group.indexOf(">bob<")).as("bob now leads the group page").isLessThan(group.indexOf(">alice<"));
            assertThat(upload(client, alice, Fixture.json(Fixture.passed("sigmoid", "tanh", "relu"))).code()).isEqualTo(201);
            assertThat(client.get("/api/progress?member=alice").body().string()).contains("\"solved\":3");
            assertThat(client.get("/?member=alice").body().string()).contains("3 / ");
            f.groups.addMember("ml-study", "carol");
            assertThat(client.get("/groups/ml-study").body().string()).contains("carol");
        });
    }
    @Test
    void theSameNameInTwoGroupsIsTwoMembersAndAnUploadCountsOnlyInItsTokensGroup() {
        f.groups.create("nlp-club");
        String aliceOfNlp = f.groups.addMember("nlp-club", "alice");
        assertThat(f.tokens.verify(aliceOfNlp)).isNotEqualTo(f.tokens.verify(alice));
        JavalinTest.test(f.app, (server, client) -> {
            assertThat(upload(client, aliceOfNlp, Fixture.json(Fixture.passed("sigmoid", "tanh"))).code()).isEqualTo(201);
            String nlp = client.get("/groups/nlp-club").body().string();
            String ml = client.get("/groups/ml-study").body().string();
            String sigmoid = katagym.grader.catalogue.Catalogue.standard().get("sigmoid").title();
            assertThat(nlp).contains("aria-label=\"alice, " + sigmoid + ": passed\"");
            assertThat(ml).contains("aria-label=\"alice, " + sigmoid + ": pending\"").doesNotContain("alice, " + sigmoid + ": passed");
            assertThat(client.get("/api/progress?group=nlp-club&member=alice").body().string()).contains("\"solved\":2");
            assertThat(client.get("/api/progress?group=ml-study&member=alice").body().string()).contains("\"solved\":0");
            assertThat(client.get("/api/progress?member=alice").code()).as("two alices: the group must be named").isEqualTo(404);
            // revoking alice in one group leaves the other alice's token working
            assertThat(f.groups.revokeMember("nlp-club", "alice")).isEqualTo(1);
            assertThat(upload(client, aliceOfNlp, Fixture.json(Fixture.passed("relu"))).code()).isEqualTo(401);
            assertThat(upload(client, alice, Fixture.json(Fixture.passed("relu"))).code()).isEqualTo(201);
        });
    }

    @Test
    void theLocalLearnersNameIsReserved() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.groups.addMember("ml-study", WebApp.LOCAL_MEMBER))
                .hasMessageContaining("reserved");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.groups.revokeMember("ml-study", WebApp.LOCAL_MEMBER))
                .hasMessageContaining("reserved");
        assertThat(f.tokens.verify(f.token)).as("the local token still works").isPresent();
        assertThat(f.groups.members("ml-study")).doesNotContain(WebApp.LOCAL_MEMBER);
    }
}
