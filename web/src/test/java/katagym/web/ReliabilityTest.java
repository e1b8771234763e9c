package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import katagym.grader.report.Report;
import katagym.web.store.Database;
import katagym.web.store.GroupStore;
import katagym.web.store.ReportStore;
import katagym.web.store.Tokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads under load: 20 concurrent members × 50 reports each, every acknowledged report stored
 * exactly once; and a server killed with SIGKILL in the middle of that load loses nothing it
 * acknowledged. Loopback only, bounded request counts. Runs with -Dkata.dev=true (the project's CI).
 */
class ReliabilityTest {
    static final int UPLOADERS = 20;
    static final int REPORTS_EACH = 50;
    @TempDir Path dir;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void onlyInTheProjectsOwnTests() {
        Assumptions.assumeTrue(Boolean.getBoolean("kata.dev"), "load and crash tests run with -Dkata.dev=true");
    }

    /** Creates a group of 20 members in the database at {@code data}; returns their tokens. */
    static List<String> members(Path data) {
        Database db = Database.sqlite(data);
        try {
            ReportStore store = new ReportStore(db);
            GroupStore groups = new GroupStore(db, store, new Tokens(db));
            groups.create("load");
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < UPLOADERS; i++) tokens.add(groups.addMember("load", "member" + i));
            return tokens;
        } finally {
            db.close();
        }
    }

    int post(String base, String token, Report r) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/reports")).timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Fixture.json(r))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Every member uploads until done or the server goes away; returns acknowledged runIds per member. */
    Map<String, Set<String>> load(String base, List<String> tokens, AtomicInteger sent, AtomicInteger acked, CountDownLatch progress)
            throws Exception {
        Map<String, Set<String>> ackedRuns = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(UPLOADERS);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int m = 0; m < UPLOADERS; m++) {
                String token = tokens.get(m);
                String member = "member" + m;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < REPORTS_EACH; i++) {
                        Report r = i % 3 == 0 ? Fixture.failedSigmoid() : Fixture.passed("sigmoid", "tanh", "relu");
                        sent.incrementAndGet();
                        try {
                            if (post(base, token, r) == 201) {
                                ackedRuns.computeIfAbsent(member, k -> ConcurrentHashMap.newKeySet()).add(r.runId());
                                acked.incrementAndGet();
                                progress.countDown();
                            }
                        } catch (IOException serverGone) {
                            return null;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) f.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        return ackedRuns;
    }

    static Map<String, List<String>> storedRuns(Path data) throws Exception {
        Map<String, List<String>> out = new ConcurrentHashMap<>();
        Database db = Database.sqlite(data);
        try (var c = db.connect(); var rs = c.createStatement().executeQuery(
                "SELECT m.name, r.run_id FROM runs r JOIN members m ON m.id = r.member_id")) {
            while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        } finally {
            db.close();
        }
        return out;
    }

    @Test
    void twentyConcurrentUploadersEveryAcknowledgedReportStoredExactlyOnce() throws Exception {
        Path data = dir.resolve("data");
        List<String> tokens = members(data);
        AtomicInteger sent = new AtomicInteger(), acked = new AtomicInteger();
        Map<String, Set<String>> ackedRuns;
        try (WebMain.Server server = WebMain.start(dir, Database.sqlite(data), data, WebMain.DEFAULT_HOST, 0, Fixture.UNLIMITED)) {
            String base = "http://127.0.0.1:" + server.app().port();
            ackedRuns = load(base, tokens, sent, acked, new CountDownLatch(0));
            // replays of acknowledged reports are recognised, not stored again
            Report replay = Fixture.passed("gelu");
            assertThat(post(base, tokens.get(0), replay)).isEqualTo(201);
            assertThat(post(base, tokens.get(0), replay)).isEqualTo(200);
        }
        Map<String, List<String>> stored = storedRuns(data);
        int storedCount = stored.values().stream().mapToInt(List::size).sum();
        System.out.printf("reliability, concurrent: sent %d, acknowledged %d, stored %d (plus 1 replayed run)%n",
                sent.get(), acked.get(), storedCount - 1);
        assertThat(acked.get()).isEqualTo(UPLOADERS * REPORTS_EACH);
        for (var e : ackedRuns.entrySet()) {
            List<String> runs = stored.get(e.getKey());
            assertThat(new HashSet<>(runs)).as("no run stored twice for %s", e.getKey()).hasSize(runs.size());
            assertThat(runs).containsAll(e.getValue());
        }
        assertThat(storedCount).isEqualTo(acked.get() + 1);
    }

    @Test
    void aServerKilledWithSigkillMidLoadLosesNoAcknowledgedReport() throws Exception {
        Path data = dir.resolve("data");
        List<String> tokens = members(data);
        int port = freePort();
        Process server = startServer(data, port);
        AtomicInteger sent = new AtomicInteger(), acked = new AtomicInteger();
        CountDownLatch quarter = new CountDownLatch(UPLOADERS * REPORTS_EACH / 4);
        ExecutorService killer = Executors.newSingleThreadExecutor();
        Future<?> kill = killer.submit(() -> {
            quarter.await(60, TimeUnit.SECONDS);
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            return server.waitFor(10, TimeUnit.SECONDS);
        });
        Map<String, Set<String>> ackedRuns = load("http://127.0.0.1:" + port, tokens, sent, acked, quarter);
        kill.get(30, TimeUnit.SECONDS);
        killer.shutdownNow();
        assertThat(server.isAlive()).isFalse();

        Process restarted = startServer(data, port); // the database opens and migrates cleanly after the crash
        restarted.destroy();
        restarted.waitFor(20, TimeUnit.SECONDS);
        Map<String, List<String>> stored = storedRuns(data);
        int storedCount = stored.values().stream().mapToInt(List::size).sum();
        System.out.printf("reliability, SIGKILL mid-load: sent %d, acknowledged %d, stored %d%n", sent.get(), acked.get(), storedCount);
        assertThat(acked.get()).isBetween(UPLOADERS * REPORTS_EACH / 4, UPLOADERS * REPORTS_EACH - 1);
        for (var e : ackedRuns.entrySet()) {
            assertThat(stored.get(e.getKey())).as("acknowledged runs of %s", e.getKey()).containsAll(e.getValue());
        }
        assertThat(storedCount).isGreaterThanOrEqualTo(acked.get());
    }

    private Process startServer(Path data, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("server-" + System.nanoTime() + ".log");
        Files.createDirectories(dir.resolve("repo"));
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "katagym.web.WebMain",
                "--root", dir.resolve("repo").toString(), "serve", "--port", String.valueOf(port), "--data", data.toString(),
                // a load test, not a test of the per-member limits (UploadLimitsTest): 50 reports a member at once
                "--upload-burst", "1000000", "--uploads-per-hour", "1000000")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IllegalStateException("the server exited: " + Files.readString(log));
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return p;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server did not start within 60 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
