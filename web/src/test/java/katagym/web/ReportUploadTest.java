package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.function.Consumer;
import io.javalin.testtools.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/reports: a bearer token is required, bad input gets a 4xx with a reason and stores nothing. */
class ReportUploadTest {
    @TempDir Path dir;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir.resolve("data"), dir);
    }

    private static Consumer<Request.Builder> post(String body, String token) {
        return b -> {
            b.post(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
            if (token != null) b.header("Authorization", "Bearer " + token);
        };
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aValidReportWithTheTokenIsStoredOnceAndShowsInTheProgress() {
        JavalinTest.test(f.app, (server, client) -> {
            String body = Fixture.json(Fixture.passed("sigmoid", "tanh"));
            var first = client.request("/api/reports", post(body, f.token));
            assertThat(first.code()).isEqualTo(201);
            assertThat(first.body().string()).contains("\"stored\":true");
            var again = client.request("/api/reports", post(body, f.token));
            assertThat(again.code()).isEqualTo(200);
            assertThat(again.body().string()).contains("\"duplicate\":true");
            assertThat(f.store.runCount()).isEqualTo(1);
            String progress = client.get("/api/progress").body().string();
            assertThat(progress).contains("\"solved\":2").contains("\"next\":\"relu\"");
        });
    }

    @Test
    void missingWrongAndRevokedTokensGet401AndStoreNothing() {
        JavalinTest.test(f.app, (server, client) -> {
            String body = Fixture.json(Fixture.passed("sigmoid"));
            var none = client.request("/api/reports", post(body, null));
            assertThat(none.code()).isEqualTo(401);
            assertThat(none.body().string()).contains("missing Authorization");
            assertThat(client.request("/api/reports", post(body, "kg_1_not-the-secret")).code()).isEqualTo(401);
            assertThat(client.request("/api/reports", post(body, "garbage")).code()).isEqualTo(401);
            assertThat(f.tokens.revoke(f.token)).isTrue();
            var revoked = client.request("/api/reports", post(body, f.token));
            assertThat(revoked.code()).isEqualTo(401);
            assertThat(revoked.body().string()).contains("invalid or revoked");
            assertThat(f.store.runCount()).isZero();
        });
    }

    @Test
    void badReportsGetA4xxWithAReasonAndStoreNothing() {
        JavalinTest.test(f.app, (server, client) -> {
            String valid = Fixture.json(Fixture.passed("sigmoid"));
            expect(client, "{not json", 400, "malformed JSON");
            expect(client, "", 400, "empty body");
            expect(client, "[1,2]", 400, "JSON object");
            expect(client, valid.replace("\"schemaVersion\":2", "\"schemaVersion\":99"), 422, "unknown schemaVersion 99");
            String failed = Fixture.json(Fixture.failedSigmoid());
            expect(client, failed.replace("\"lead\":\"forwardMatchesReference\"", "\"lead\":\"matchesPyTorch\""), 422,
                    "names no failed check");
            expect(client, valid.replace("\"slug\":\"sigmoid\"", "\"slug\":\"no-such-kata\""), 422, "unknown kata slug: no-such-kata");
            expect(client, valid.replace("\"passed\":1", "\"passed\":5"), 422, "does not match");
            expect(client, valid.replace("\"status\":\"passed\",\"durationMs\"", "\"status\":\"great\",\"durationMs\""), 422, "schema");
            expect(client, valid.replace("\"runId\":\"", "\"runId\":\"../../etc/"), 422, "runId");
            expect(client, valid.replace("\"subject\"", "\"extra\":1,\"subject\""), 422, "schema");
            String huge = valid.replace("\"works\"", "\"" + "x".repeat(1_100_000) + "\"");
            expect(client, huge, 413, "too large");
            assertThat(f.store.runCount()).isZero();
        });
    }

    @Test
    void onlyOneStrictUtf8JsonDocumentWithExactTypesIsAccepted() {
        JavalinTest.test(f.app, (server, client) -> {
            String valid = Fixture.json(Fixture.passed("sigmoid"));
            // not one document
            expect(client, valid + "garbage", 400, "malformed JSON");
            expect(client, valid + valid, 400, "malformed JSON");
            expect(client, valid + "\u0000", 400, "NUL");
            // duplicate keys
            expect(client, valid.replace("\"subject\":\"katas\"", "\"subject\":\"katas\",\"subject\":\"other\""), 400, "Duplicate field");
            // exact types
            expect(client, valid.replace("\"schemaVersion\":2", "\"schemaVersion\":1.5"), 422, "schemaVersion must be a whole number");
            expect(client, valid.replace("\"schemaVersion\":2", "\"schemaVersion\":\"2\""), 422, "schemaVersion must be a whole number");
            expect(client, valid.replace("\"seed\":7", "\"seed\":\"7\""), 422, "schema");
            expect(client, valid.replace("\"seed\":7", "\"seed\":7.5"), 422, "schema");
            expect(client, valid.replace("\"strict\":false", "\"strict\":1"), 422, "schema");
            expect(client, valid.replace("\"strict\":false", "\"strict\":\"false\""), 422, "schema");
            expect(client, valid.replace("\"durationMs\":5", "\"durationMs\":-5"), 422, "negative durationMs");
            expect(client, valid.replace("\"durationMs\":5", "\"durationMs\":5.5"), 422, "schema");
            expect(client, valid.replace("\"subject\":\"katas\"", "\"subject\":42"), 422, "schema");
            assertThat(f.store.runCount()).isZero();
        });
    }

    @Test
    void onlyUtf8IsAcceptedWithoutAByteOrderMark() {
        JavalinTest.test(f.app, (server, client) -> {
            String valid = Fixture.json(Fixture.passed("sigmoid"));
            byte[] utf8 = valid.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] bom = new byte[utf8.length + 3];
            bom[0] = (byte) 0xEF; bom[1] = (byte) 0xBB; bom[2] = (byte) 0xBF;
            System.arraycopy(utf8, 0, bom, 3, utf8.length);
            expectBytes(client, bom, 400, "byte-order mark");
            expectBytes(client, valid.getBytes(java.nio.charset.StandardCharsets.UTF_16LE), 400, "UTF-16");
            expectBytes(client, valid.getBytes(java.nio.charset.StandardCharsets.UTF_16), 400, "UTF-16");
            byte[] latin1 = valid.replace("\"subject\":\"katas\"", "\"subject\":\"kätas\"").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            expectBytes(client, latin1, 400, "not valid UTF-8");
            assertThat(f.store.runCount()).isZero();
            // and UTF-8 itself, non-ASCII included, is stored
            var ok = client.request("/api/reports", b -> b.post(HttpRequest.BodyPublishers.ofByteArray(
                            valid.replace("\"subject\":\"katas\"", "\"subject\":\"kätas ✓\"").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json; charset=utf-8").header("Authorization", "Bearer " + f.token));
            assertThat(ok.code()).isEqualTo(201);
        });
    }

    @Test
    void anUploadThatIsNotApplicationJsonGets415AndStoresNothing() {
        JavalinTest.test(f.app, (server, client) -> {
            String valid = Fixture.json(Fixture.passed("sigmoid"));
            for (String type : new String[] {null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                    "application/json; charset=utf-16"}) {
                var r = client.request("/api/reports", b -> {
                    b.post(HttpRequest.BodyPublishers.ofString(valid)).header("Authorization", "Bearer " + f.token);
                    if (type != null) b.header("Content-Type", type);
                });
                assertThat(r.code()).as("Content-Type %s", type).isEqualTo(415);
                assertThat(r.body().string()).contains("application/json");
            }
            assertThat(f.store.runCount()).isZero();
        });
    }

    @Test
    void aMalformedMultipartPostWithoutATokenGetsA4xxNotA500() {
        JavalinTest.test(f.app, (server, client) -> {
            for (String path : new String[] {"/api/reports", "/admin/login", "/admin/groups", "/admin/members", "/admin/revoke"}) {
                var r = client.request(path, b -> b.post(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nabc"))
                        .header("Content-Type", "multipart/form-data; boundary=x"));
                assertThat(r.code()).as(path).isBetween(400, 499);
                var noBoundary = client.request(path, b -> b.post(HttpRequest.BodyPublishers.ofString("garbage"))
                        .header("Content-Type", "multipart/form-data"));
                assertThat(noBoundary.code()).as(path).isBetween(400, 499);
            }
            assertThat(f.store.runCount()).isZero();
        });
    }

    private void expectBytes(io.javalin.testtools.HttpClient client, byte[] body, int status, String reason) {
        var r = client.request("/api/reports", b -> b.post(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + f.token));
        assertThat(r.code()).isEqualTo(status);
        assertThat(r.body().string()).contains(reason);
    }

    @Test
    void aVersionOneReportWithoutLeadsIsStillAcceptedAndItsLeadDerived() {
        JavalinTest.test(f.app, (server, client) -> {
            String v2 = Fixture.json(Fixture.failedSigmoid());
            assertThat(v2).contains("\"schemaVersion\":2").contains("\"lead\":\"forwardMatchesReference\"");
            String v1 = v2.replace("\"schemaVersion\":2", "\"schemaVersion\":1").replace("\"lead\":\"forwardMatchesReference\",", "");
            assertThat(client.request("/api/reports", post(v1, f.token)).code()).isEqualTo(201);
            assertThat(f.store.runCount()).isEqualTo(1);
        });
    }

    @Test
    void everyOversizedUploadSeesItsOwn413RatherThanAResetConnection() {
        // Before the server read the body it rejected, about 1 upload in 10 lost its 413 to a reset.
        JavalinTest.test(f.app, (server, client) -> {
            String huge = Fixture.json(Fixture.passed("sigmoid")).replace("\"works\"", "\"" + "x".repeat(1_100_000) + "\"");
            for (int i = 0; i < 60; i++) expect(client, huge, 413, "too large");
            assertThat(f.store.runCount()).isZero();
        });
    }

    @Test
    void aLargeReportWithAWrongTokenSeesIts401() {
        JavalinTest.test(f.app, (server, client) -> {
            String large = Fixture.json(Fixture.passed("sigmoid")).replace("\"works\"", "\"" + "x".repeat(900_000) + "\"");
            for (int i = 0; i < 60; i++) {
                var r = client.request("/api/reports", post(large, "kg_1_not-the-secret"));
                assertThat(r.code()).isEqualTo(401);
                assertThat(r.body().string()).contains("invalid or revoked");
            }
            assertThat(f.store.runCount()).isZero();
        });
    }

    private void expect(io.javalin.testtools.HttpClient client, String body, int status, String reason) {
        var r = client.request("/api/reports", post(body, f.token));
        assertThat(r.code()).as("status for %s", body.length() > 200 ? body.substring(0, 200) : body).isEqualTo(status);
        assertThat(r.body().string()).contains(reason);
    }

    @Test
    void theKataApiShowsTheLastFailureAndUnknownKatasAre404() {
        f.store.store(f.local, Fixture.failedSigmoid());
        JavalinTest.test(f.app, (server, client) -> {
            String kata = client.get("/api/katas/sigmoid").body().string();
            assertThat(kata).contains("\"status\":\"failed\"").contains("709.7827128933841").contains("\"seed\":1234567");
            assertThat(client.get("/api/katas/nope").code()).isEqualTo(404);
            assertThat(client.get("/katas/nope").code()).isEqualTo(404);
            assertThat(client.get("/?member=ghost").code()).isEqualTo(404);
        });
    }

    @Test
    void pagesRenderAndCarryASecurityPolicy() {
        f.store.store(f.local, Fixture.failedSigmoid());
        JavalinTest.test(f.app, (server, client) -> {
            var overview = client.get("/");
            assertThat(overview.code()).isEqualTo(200);
            assertThat(overview.headers().get("Content-Security-Policy")).singleElement().asString().contains("script-src 'self'");
            assertThat(overview.body().string()).contains("0 / " + katagym.grader.catalogue.Catalogue.standard().katas().size() + " katas solved").contains("href=\"/katas/sigmoid\"");
            String kata = client.get("/katas/sigmoid").body().string();
            assertThat(kata).contains("Last failure").contains("709.7827128933841").contains("./kata grade sigmoid --seed 1234567");
            assertThat(client.get("/katas?topic=sorting&status=pending").body().string()).contains("insertion-sort").doesNotContain("/katas/sigmoid\"");
            assertThat(client.get("/webjars/mathjax/3.2.2/es5/tex-chtml.js").code()).isEqualTo(200);
            assertThat(client.get("/webjars/chart.js/4.4.1/dist/chart.umd.js").code()).isEqualTo(200);
        });
    }
}
