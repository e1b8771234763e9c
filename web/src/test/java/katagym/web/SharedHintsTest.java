package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.cli.KataCli;
import katagym.grader.hints.HintStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kata hint} and the local dashboard's kata page keep one count of the hints shown
 * ({@code .kata/hints.json}): a hint revealed on the page shows in the CLI, and the other way round.
 */
class SharedHintsTest {
    @TempDir Path dir;
    Path root;
    Fixture f;

    @BeforeEach
    void setUp() throws Exception {
        root = Browser.fakeRoot(dir);
        f = new Fixture(dir.resolve("data"), root);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** Reveals a hint as the page's form does: read the page (its form carries the CSRF token), post it from the same origin. */
    private static FormClient.Page reveal(int port, String path, boolean script) {
        FormClient browser = new FormClient(port);
        browser.get("/katas/tanh");
        return script ? browser.submit(path, java.util.Map.of(), "Accept", "application/json") : browser.submit(path, java.util.Map.of());
    }

    /** {@code ./kata hint SLUG} on the test's repository: what it printed. */
    private String cliHint(String slug) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(KataCli.run("--root", root.toString(), "--no-color", "hint", slug)).isZero();
        } finally {
            System.setOut(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** The hints the page shows (not hidden). */
    private static int shownOnThePage(String page) {
        return (int) Pattern.compile("<li class=\"hint\">").matcher(page).results().count();
    }

    @Test
    void aHintRevealedOnThePageShowsInTheCliAndTheOtherWayRound() {
        int total = HintStore.hints(Catalogue.standard().get("tanh"), read(root.resolve(Catalogue.standard().get("tanh").statementPath()))).size();
        assertThat(total).as("tanh has at least three hints to reveal").isGreaterThanOrEqualTo(3);
        JavalinTest.test(f.app, (server, client) -> {
            assertThat(shownOnThePage(client.get("/katas/tanh").body().string())).isZero();
            var answer = reveal(server.port(), "/katas/tanh/hints", true);
            assertThat(answer.code()).isEqualTo(200);
            assertThat(answer.body()).contains("\"shown\":1").contains("\"total\":" + total);
            assertThat(HintStore.of(root).shown("tanh")).isEqualTo(1);

            // the CLI shows the hint the page revealed, and reveals the next one
            assertThat(cliHint("tanh")).contains("Hint 1/" + total).contains("Hint 2/" + total).doesNotContain("Hint 3/");
            // which the page now shows, with the button offering the third
            String page = client.get("/katas/tanh").body().string();
            assertThat(shownOnThePage(page)).isEqualTo(2);
            assertThat(page).contains("Show hint 3 of " + total).contains("<span class=\"count\" id=\"hint-count\">2/" + total + "</span>");

            // a form post without script comes back to the page's hints
            var form = reveal(server.port(), "/katas/tanh/hints", false);
            assertThat(form.code()).isEqualTo(303);
            assertThat(form.headers().allValues("Location")).containsExactly("/katas/tanh#hints");
            assertThat(shownOnThePage(client.get("/katas/tanh").body().string())).isEqualTo(3);
            assertThat(cliHint("tanh")).contains("Hint 3/" + total);
        });
    }

    @Test
    void theHintRouteRefusesWhatItShouldNotWrite() {
        JavalinTest.test(f.app, (server, client) -> {
            assertThat(reveal(server.port(), "/katas/no-such-kata/hints", true).code()).isEqualTo(404);
            var json = client.request("/katas/tanh/hints", b -> b.post(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
            assertThat(json.code()).as("a JSON body carries no form CSRF token: refused before its type is looked at").isEqualTo(403);
            FormClient sameOrigin = new FormClient(server.port());
            sameOrigin.get("/katas/tanh");
            var sameOriginJson = sameOrigin.post("/katas/tanh/hints?csrf=" + sameOrigin.csrf, "application/json", "{}", "Origin", sameOrigin.origin, "Sec-Fetch-Site", "same-origin");
            assertThat(sameOriginJson.code()).as("from the page itself, JSON is still not the form's type").isIn(403, 415);
            assertThat(reveal(server.port(), "/katas/tanh/hints?member=alice", true).code()).isEqualTo(400);
            // only the learner's own machine writes its hint store, not a visitor of a networked dashboard
            assertThat(WebApp.isLoopback("127.0.0.1")).isTrue();
            assertThat(WebApp.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
            assertThat(WebApp.isLoopback("192.168.1.20")).isFalse();
            assertThat(WebApp.isLoopback(null)).isFalse();
            assertThat(Files.exists(root.resolve(".kata/hints.json"))).as("nothing was written").isFalse();
            // a member's drill-down has no hints to reveal
            f.groups.create("g");
            f.groups.addMember("g", "alice");
            String page = client.get("/katas/tanh?group=g&member=alice").body().string();
            assertThat(page).doesNotContain("id=\"hint-form\"").doesNotContain("class=\"hint\"").contains("alice's attempts");
        });
    }

    @Test
    void revealingStopsAtTheLastHintAndAResetHidesThemAgain() {
        HintStore store = HintStore.of(root);
        assertThat(store.revealNext("tanh", 2)).isEqualTo(1);
        assertThat(store.revealNext("tanh", 2)).isEqualTo(2);
        assertThat(store.revealNext("tanh", 2)).isEqualTo(2);
        assertThat(store.revealNext("relu", 3)).isEqualTo(1);
        store.reset("tanh");
        assertThat(store.all()).containsExactly(java.util.Map.entry("relu", 1));
    }

    @Test
    void anUnreadableStoreCountsAsNoHintsSeenAndIsReplacedOnTheNextReveal() throws Exception {
        Files.writeString(root.resolve(".kata/hints.json"), "{not json");
        HintStore store = HintStore.of(root);
        assertThat(store.shown("tanh")).isZero();
        assertThat(store.revealNext("tanh", 3)).isEqualTo(1);
        assertThat(Files.readString(root.resolve(".kata/hints.json"))).isEqualTo("{\"tanh\":1}");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
