package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Request;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.drill.DrillLog;
import katagym.grader.drill.Drills;
import katagym.web.ingest.ReportValidator;
import katagym.web.pages.Dashboard;
import katagym.web.store.Database;
import katagym.web.store.GroupStore;
import katagym.web.store.ReportStore;
import katagym.web.store.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /drills and /drills/{topic}: the engine's fixture drills answered through the form, recorded in the learner's .kata/drills.jsonl. */
class DrillPagesTest {
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    @TempDir Path dir;
    Path root;
    Database db;
    Javalin app;

    /** A repository with the engine's fixture drills (attention and peft), and a dashboard on it with a fixed clock. */
    static Path drillRoot(Path dir) throws Exception {
        return withFixtureDrills(dir.resolve("repo"));
    }

    /** Copies the engine's fixture drills and the curriculum into the repository folder {@code root}. */
    static Path withFixtureDrills(Path root) throws Exception {
        Path real = Path.of(System.getProperty("kata.root", "..")).toAbsolutePath().normalize();
        Path drills = Files.createDirectories(root.resolve(Drills.DIR));
        try (var fixtures = Files.list(real.resolve("grader/src/test/resources/drill-fixtures"))) {
            for (Path f : fixtures.toList()) Files.copy(f, drills.resolve(f.getFileName()));
        }
        Files.copy(real.resolve(Drills.CURRICULUM), root.resolve(Drills.CURRICULUM), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return root;
    }

    @BeforeEach
    void setUp() throws Exception {
        root = drillRoot(dir);
        db = Database.sqlite(dir.resolve("data"));
        ReportStore store = new ReportStore(db);
        Tokens tokens = new Tokens(db);
        Catalogue catalogue = Catalogue.standard();
        app = new WebApp(new Dashboard(catalogue, store, root), store, tokens, Tokens.admin(db), new GroupStore(db, store, tokens),
                new ReportValidator(catalogue)).withDrillClock(Clock.fixed(NOW, ZoneOffset.UTC)).create();
    }

    @AfterEach
    void tearDown() { db.close(); }

    static Consumer<Request.Builder> form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) body.append('&');
            body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b -> b.post(HttpRequest.BodyPublishers.ofString(body.toString())).header("Content-Type", "application/x-www-form-urlencoded");
    }

    List<String> log() throws Exception {
        Path file = root.resolve(DrillLog.FILE);
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** The labels of an order drill's items as the page shows them: item text to its select's label. */
    static String positionsFor(String page, List<String> rightOrder, List<String> pairsOut) {
        Matcher m = Pattern.compile("id=\"pos-([a-f])\" name=\"pos-[a-f]\" class=\"position\" aria-label=\"Position of: ([^\"]+)\"").matcher(page);
        int found = 0;
        while (m.find()) {
            pairsOut.add("pos-" + m.group(1));
            pairsOut.add(String.valueOf(rightOrder.indexOf(m.group(2)) + 1));
            found++;
        }
        return String.valueOf(found);
    }

    FormClient browser;

    /** A same-origin form post as the page's own form sends it: the CSRF token read from a drill page, Origin and Sec-Fetch-Site. */
    FormClient.Page post(int port, String path, String... pairs) {
        if (browser == null) {
            browser = new FormClient(port);
            browser.get("/drills/attention");
        }
        List<String> all = new ArrayList<>(List.of(pairs));
        all.add("csrf");
        all.add(browser.csrf);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < all.size(); i += 2) {
            if (body.length() > 0) body.append('&');
            body.append(URLEncoder.encode(all.get(i), StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(all.get(i + 1), StandardCharsets.UTF_8));
        }
        return browser.post(path, "application/x-www-form-urlencoded", body.toString(), "Origin", browser.origin, "Sec-Fetch-Site", "same-origin");
    }

    /** The label (a, b, ...) the page shows the option containing {@code text} with: options are shown shuffled. */
    static String label(String page, String text) {
        Matcher m = Pattern.compile("<label for=\"choice-([a-f])\">([^<]*)</label>").matcher(page);
        while (m.find()) if (m.group(2).contains(text)) return m.group(1);
        throw new AssertionError("no option with '" + text + "' on the page");
    }

    static String get(HttpClient client, String path) throws Exception {
        var r = client.get(path);
        assertThat(r.code()).as(path).isEqualTo(200);
        return r.body().string();
    }

    @Test
    void theDrillsPageListsTopicsWithTheirCountsAndTheNavLinksToIt() {
        JavalinTest.test(app, (server, client) -> {
            String page = get(client, "/drills");
            assertThat(page).contains("<a href=\"/drills\">Drills</a>").contains("6 drills · <strong>0</strong> due today");
            assertThat(page).contains("<a href=\"/drills/attention\">attention</a>").contains("<a href=\"/drills/peft\">peft</a>")
                    .contains("not tried");
            assertThat(get(client, "/")).contains("<a href=\"/drills\">Drills</a>");
        });
    }

    @Test
    void aNumericAnswerIsGradedExplainedLinkedToItsKataAndRecorded() throws Exception {
        JavalinTest.test(app, (server, client) -> {
            String ask = get(client, "/drills/attention");
            assertThat(ask).contains("name=\"id\" value=\"fixture-attention-score-variance\"")
                    .contains("class=\"statement drill mathjax_process\"").contains("What is the variance of the dot product $q \\cdot k$?")
                    .contains("id=\"answer\" name=\"answer\"").contains("name=\"csrf\"");
            var answered = post(server.port(), "/drills/attention", "id", "fixture-attention-score-variance", "answer", "64");
            assertThat(answered.code()).isEqualTo(200);
            String page = answered.body();
            assertThat(page).contains("Right.").contains("id=\"right-answer\">64</strong>").contains("variances add")
                    .contains("href=\"/katas/scaled-dot-product-attention\">Scaled dot-product attention")
                    .contains("href=\"/drills/attention?after=fixture-attention-score-variance\"");
            assertThat(log()).containsExactly("{\"drill\":\"fixture-attention-score-variance\",\"topic\":\"attention\",\"curriculum\":[\"A1\"],"
                    + "\"correct\":true,\"given\":\"64\",\"answeredAt\":\"2026-12-01T09:00:00Z\"}");
            assertThat(get(client, "/drills")).contains("<strong>100%</strong>").contains("1/1 answers right, 1 of 4 drills tried");
            // the next drill skips the one just answered
            assertThat(get(client, "/drills/attention?after=fixture-attention-score-variance")).contains("value=\"fixture-attention-why-scale\"");
        });
    }

    @Test
    void aChoiceAMultipleAndAnOrderAreGradedFromTheirForms() throws Exception {
        JavalinTest.test(app, (server, client) -> {
            String whyScale = get(client, "/drills/attention?after=fixture-attention-score-variance");
            String right = label(whyScale, "saturation"), wrongLabel = label(whyScale, "sum to one");
            String wrong = post(server.port(), "/drills/attention", "id", "fixture-attention-why-scale", "choice", wrongLabel).body();
            assertThat(wrong).contains("Not quite.").contains(right + ") To keep the softmax out of saturation");
            String latency = get(client, "/drills/peft?after=fixture-peft-lora-params");
            String adapters = label(latency, "Adapters"), prefix = label(latency, "Prefix tuning");
            String multiple = post(server.port(), "/drills/peft", "id", "fixture-peft-latency", "choice", prefix, "choice", adapters).body();
            String given = adapters.compareTo(prefix) < 0 ? adapters + ") Adapters; " + prefix + ") Prefix tuning" : prefix + ") Prefix tuning; " + adapters + ") Adapters";
            assertThat(multiple).contains("Right.").contains("id=\"given\">" + given + "</strong>");

            List<String> items = List.of("Project the input to Q, K and V", "Split each projection into heads",
                    "Scaled dot-product attention per head", "Concatenate the heads", "Apply the output projection");
            List<String> pairs = new ArrayList<>(List.of("id", "fixture-attention-steps-order"));
            String orderPage = orderPage(client, server.port());
            assertThat(positionsFor(orderPage, items, pairs)).isEqualTo("5");
            String ordered = post(server.port(), "/drills/attention", pairs.toArray(String[]::new)).body();
            assertThat(ordered).contains("Right.").contains(String.join(" &gt; ", items));
            assertThat(log()).hasSize(6);
            assertThat(log().get(0)).contains("\"correct\":false,\"given\":\"To make the attention weights sum to one\"");
        });
    }

    /** The page of the order drill: answer the drills before it so it comes first. */
    String orderPage(HttpClient client, int port) throws Exception {
        for (int i = 0; i < 4; i++) {
            String page = get(client, "/drills/attention");
            if (page.contains("value=\"fixture-attention-steps-order\"")) return page;
            Matcher id = Pattern.compile("name=\"id\" value=\"([a-z0-9-]+)\"").matcher(page);
            assertThat(id.find()).isTrue();
            String answer = switch (id.group(1)) {
                case "fixture-attention-score-variance" -> "64";
                case "fixture-attention-flops" -> "268435456";
                default -> null;
            };
            if (answer != null) post(port, "/drills/attention", "id", id.group(1), "answer", answer);
            else post(port, "/drills/attention", "id", id.group(1), "choice", label(page, "saturation"));
        }
        throw new AssertionError("the order drill never came up");
    }

    @Test
    void everyMalformedOrUnknownAnswerIsRefusedAndNothingIsRecorded() throws Exception {
        JavalinTest.test(app, (server, client) -> {
            assertThat(client.get("/drills/cooking").code()).isEqualTo(404);
            assertThat(client.get("/drills/sorting").code()).as("a topic without drills").isEqualTo(404);
            assertThat(post(server.port(), "/drills/attention", "id", "no-such-drill", "answer", "1").code()).isEqualTo(404);
            assertThat(post(server.port(), "/drills/attention", "answer", "1").code()).isEqualTo(404);
            assertThat(post(server.port(), "/drills/attention", "id", "fixture-peft-latency", "choice", "a").code())
                    .as("another topic's drill").isEqualTo(404);
            assertThat(post(server.port(), "/drills/cooking", "id", "fixture-peft-latency", "choice", "a").code()).isEqualTo(404);

            var notANumber = post(server.port(), "/drills/attention", "id", "fixture-attention-score-variance", "answer", "lots");
            assertThat(notANumber.code()).isEqualTo(400);
            String page = notANumber.body();
            assertThat(page).contains("role=\"alert\">could not read 'lots' as a number").contains("id=\"drill-form\"").contains("value=\"lots\"");
            assertThat(post(server.port(), "/drills/attention", "id", "fixture-attention-score-variance", "answer", "").code()).isEqualTo(400);
            assertThat(post(server.port(), "/drills/attention", "id", "fixture-attention-score-variance", "answer", "1".repeat(101)).code()).isEqualTo(400);
            assertThat(post(server.port(), "/drills/attention", "id", "fixture-attention-why-scale").code()).isEqualTo(400);
            assertThat(post(server.port(), "/drills/attention", "id", "fixture-attention-why-scale", "choice", "z").code()).isEqualTo(400);
            assertThat(post(server.port(), "/drills/attention", "id", "fixture-attention-why-scale", "choice", "a", "choice", "b").code()).isEqualTo(400);
            assertThat(post(server.port(), "/drills/attention", "id", "fixture-attention-why-scale", "choice", "<script>").body())
                    .doesNotContain("<script>").contains("&lt;script&gt;");
            var duplicate = post(server.port(), "/drills/attention", "id", "fixture-attention-steps-order",
                    "pos-a", "1", "pos-b", "1", "pos-c", "2", "pos-d", "3", "pos-e", "4");
            assertThat(duplicate.code()).isEqualTo(400);
            assertThat(duplicate.body()).contains("both have position 1: give each position once");
            assertThat(post(server.port(), "/drills/attention", "id", "fixture-attention-steps-order",
                    "pos-a", "1", "pos-b", "2", "pos-c", "3", "pos-d", "4", "pos-e", "9").code()).isEqualTo(400);
            assertThat(post(server.port(), "/drills/attention", "id", "fixture-attention-steps-order", "pos-a", "1").code()).isEqualTo(400);
            assertThat(browser.post("/drills/attention", "application/json", "{\"id\":\"x\"}", "Origin", browser.origin,
                    "Sec-Fetch-Site", "same-origin").code()).as("JSON carries no form token: refused before it is read").isEqualTo(403);
            assertThat(client.request("/drills/attention", form("id", "fixture-attention-score-variance", "answer", "64")).code())
                    .as("a form without its CSRF token, from no page of ours").isEqualTo(403);
            assertThat(log()).isEmpty();
        });
    }

    @Test
    void theFormCarriesTheAntiForgeryTokenWhenTheServerIssuesOne() {
        var pages = new katagym.web.pages.DrillPages(root, Catalogue.standard(), Clock.fixed(NOW, ZoneOffset.UTC));
        var engine = gg.jte.TemplateEngine.createPrecompiled(gg.jte.ContentType.Html);
        var with = new gg.jte.output.StringOutput();
        engine.render("drill.jte", pages.next("attention", null, "tok-123").orElseThrow(), with);
        assertThat(with.toString()).contains("<input type=\"hidden\" name=\"csrf\" value=\"tok-123\">");
        var without = new gg.jte.output.StringOutput();
        engine.render("drill.jte", pages.next("attention", null, null).orElseThrow(), without);
        assertThat(without.toString()).contains("id=\"drill-form\"").doesNotContain("name=\"csrf\"");
    }
}
