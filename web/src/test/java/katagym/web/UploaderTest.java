package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import katagym.grader.cli.Uploader;
import katagym.grader.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `./kata grade --upload` does, against a real dashboard: store, replay, refuse, retry. */
class UploaderTest {
    @TempDir Path dir;

    @Test
    void uploadsOnceRecognisesAReplayAndDoesNotRetryARefusal() throws Exception {
        try (WebMain.Server server = WebMain.start(dir, dir.resolve("data"), 0)) {
            String url = "http://127.0.0.1:" + server.app().port();
            Report r = Fixture.passed("sigmoid");
            Uploader uploader = new Uploader(3, 10);
            assertThat(uploader.upload(url, server.localToken(), r)).satisfies(res -> {
                assertThat(res.ok()).isTrue();
                assertThat(res.status()).isEqualTo(201);
            });
            assertThat(uploader.upload(url + "/", server.localToken(), r).status()).isEqualTo(200);
            Uploader.Result refused = uploader.upload(url, "kg_1_wrong", r);
            assertThat(refused.ok()).isFalse();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).contains("invalid or revoked token");
            assertThat(server.store().runCount()).isEqualTo(1);
        }
    }

    @Test
    void aDashboardThatIsDownIsRetriedThenReported() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        Uploader.Result r = new Uploader(3, 50).upload("http://127.0.0.1:" + port, "kg_1_x", Fixture.passed("sigmoid"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.ok()).isFalse();
        assertThat(r.status()).isZero();
        assertThat(r.body()).contains("ConnectException: nothing answers there").contains("(3 attempts)");
        assertThat(ms).as("three attempts with 50 ms and 100 ms pauses").isGreaterThanOrEqualTo(150);
    }

    @Test
    void theEndpointIsFoundFromTheDashboardUrl() {
        assertThat(Uploader.endpoint("https://kata.example.org").toString()).isEqualTo("https://kata.example.org/api/reports");
        assertThat(Uploader.endpoint("https://kata.example.org/").toString()).isEqualTo("https://kata.example.org/api/reports");
        assertThat(Uploader.endpoint("https://kata.example.org/api/reports").toString()).isEqualTo("https://kata.example.org/api/reports");
        assertThat(Uploader.endpoint(" http://127.0.0.1:7070 ").toString()).isEqualTo("http://127.0.0.1:7070/api/reports");
    }

    @Test
    void aDashboardUrlWithoutSchemeOrHostIsRefusedWithAnExample() {
        assertThatThrownBy(() -> Uploader.endpoint("localhost:7070")).hasMessageContaining("must look like https://host[:port]");
        assertThatThrownBy(() -> Uploader.endpoint("kata.example.org")).hasMessageContaining("must look like https://host[:port]");
        assertThatThrownBy(() -> Uploader.endpoint("ftp://kata.example.org")).hasMessageContaining("must look like https://host[:port]");
        assertThatThrownBy(() -> Uploader.endpoint("http://kata example.org")).hasMessageContaining("not a URL");
    }
}
