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
            f.groups.revokeMember("bob");
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
            assertThat(page).contains("href=\"/katas/sigmoid?member=bob#attempts\"").contains("href=\"/katas/sigmoid?member=alice\"");
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
            assertThat(client.get("/admin").body().string()).contains("Admin token");
            var refused = client.request("/admin/groups", b -> b.post(HttpRequest.BodyPublishers.ofString("name=x"))
                    .header("Content-Type", "application/x-www-form-urlencoded"));
            assertThat(refused.code()).isEqualTo(401);
            assertThat(f.groups.find("x")).isEmpty();
            var wrong = client.request("/admin/login", b -> b.post(HttpRequest.BodyPublishers.ofString("token=" + alice))
                    .header("Content-Type", "application/x-www-form-urlencoded"));
            assertThat(wrong.code()).as("an upload token is not an admin token").isEqualTo(401);

            String cookie = "kata_admin=" + adminToken;
            var created = client.request("/admin/groups", b -> b.post(HttpRequest.BodyPublishers.ofString("name=nlp-club"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie));
            assertThat(created.body().string()).contains("created group nlp-club");
            var added = client.request("/admin/members", b -> b.post(HttpRequest.BodyPublishers.ofString("group=nlp-club&member=dana"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie));
            String body = added.body().string();
            assertThat(body).contains("added dana to nlp-club").contains("id=\"new-token\"");
            String token = body.substring(body.indexOf("<pre id=\"new-token\">") + 20, body.indexOf("</pre>", body.indexOf("new-token")));
            assertThat(f.tokens.verify(token)).isPresent();
            assertThat(added.headers().get("Cache-Control")).contains("no-store");
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
}
