package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send a body one byte at a time cannot take the server down: on loopback only, a
 * bounded number of them for a bounded time, while /health and a page must keep answering.
 */
class SlowClientsTest {
    static final int CLIENTS = 300;
    static final Duration RUN = Duration.ofSeconds(15);
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    @TempDir Path dir;

    @Test
    void threeHundredTricklingUploadsLeaveHealthAndPagesAnswering() throws Exception {
        try (WebMain.Server server = WebMain.start(dir, dir.resolve("data"), 0)) {
            int port = server.app().port();
            HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
            String base = "http://127.0.0.1:" + port;
            assertThat(get(http, base + "/health")).isEqualTo(200);

            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                    s.setSoTimeout(1);
                    boolean chunked = i % 2 == 1; // half declare a large Content-Length, half stream chunks
                    String head = "POST /api/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + server.localToken()
                            + "\r\nContent-Type: application/json\r\n"
                            + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: 1000000\r\n") + "\r\n";
                    s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().write(chunked ? "1\r\n{\r\n".getBytes(StandardCharsets.US_ASCII) : new byte[] {'{'});
                    slow.add(s);
                }
                long end = System.nanoTime() + RUN.toNanos();
                long nextTrickle = 0;
                int probes = 0;
                while (System.nanoTime() < end) {
                    if (System.nanoTime() >= nextTrickle) {
                        for (int i = 0; i < slow.size(); i++) trickle(slow.get(i), i % 2 == 1);
                        nextTrickle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                    }
                    long t0 = System.nanoTime();
                    assertThat(get(http, base + "/health")).as("/health after %d probes", probes).isEqualTo(200);
                    assertThat(get(http, base + "/katas/sigmoid")).as("a page after %d probes", probes).isEqualTo(200);
                    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(ANSWER_WITHIN.multipliedBy(2));
                    probes++;
                    Thread.sleep(250);
                }
                assertThat(probes).isGreaterThan(10);
            } finally {
                for (Socket s : slow) s.close();
            }
            // and a normal upload still goes through afterwards
            HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(base + "/api/reports")).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + server.localToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Fixture.json(Fixture.passed("sigmoid")))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        }
    }

    /** One more byte of body; a closed connection (the server gave up on it) is left alone. */
    private static void trickle(Socket s, boolean chunked) {
        if (s.isClosed()) return;
        try {
            drain(s.getInputStream());
            OutputStream out = s.getOutputStream();
            out.write(chunked ? "1\r\n \r\n".getBytes(StandardCharsets.US_ASCII) : new byte[] {' '});
            out.flush();
        } catch (IOException gone) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closed either way
            }
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        try {
            while (in.read(buf) > 0) {
                // the server's 408 or 503: read so its socket can close cleanly
            }
        } catch (java.net.SocketTimeoutException nothingYet) {
            // nothing to read
        }
    }

    private static int get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER_WITHIN).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aChunkedBodyIsRefusedAsSoonAsItPassesTheLimitEvenIfItNeverEnds() throws Exception {
        try (WebMain.Server server = WebMain.start(dir, dir.resolve("data"), 0);
             Socket s = new Socket("127.0.0.1", server.app().port())) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + server.localToken()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 17; i++) { // 1088 KiB, over the 1 MiB limit, and no last chunk
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            long t0 = System.nanoTime();
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 413");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            assertThat(server.store().runCount()).isZero();
        }
    }

    /**
     * A body that keeps coming, but slower than the minimum rate (1 KiB/s on average), is cut off long
     * before it ends: 200 bytes a second, each pause well under the idle timeout, for a body that would
     * take over eight minutes.
     */
    @Test
    void aBodySentBelowTheMinimumRateIsCutOffThoughItNeverPauses() throws Exception {
        try (WebMain.Server server = WebMain.start(dir, dir.resolve("data"), 0);
             Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.app().port()), 5000);
            s.setSoTimeout(200);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + server.localToken()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            String answer = "";
            byte[] buffer = new byte[4096];
            while (answer.isEmpty() && System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) {
                try {
                    out.write(" ".repeat(200).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closed) {
                    answer = "closed";
                    break;
                }
                long pauseUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                while (System.nanoTime() < pauseUntil) {
                    try {
                        int n = s.getInputStream().read(buffer);
                        answer = n < 0 ? "closed" : new String(buffer, 0, n, StandardCharsets.US_ASCII);
                        if (!answer.isEmpty()) break;
                    } catch (java.net.SocketTimeoutException quiet) {
                        // nothing from the server yet
                    } catch (IOException reset) {
                        answer = "closed";
                        break;
                    }
                }
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("cut off long before the body's eight minutes").isLessThan(Duration.ofSeconds(30));
            assertThat(answer).as("the server answers 4xx or closes the connection").satisfiesAnyOf(
                    a -> assertThat(a).startsWith("HTTP/1.1 4"), a -> assertThat(a).isEqualTo("closed"));
        }
    }
}
