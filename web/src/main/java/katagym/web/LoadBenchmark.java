package katagym.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Report;
import katagym.grader.report.ReportFiles;
import katagym.grader.report.Status;
import katagym.grader.spec.CheckKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kata web-bench}: a dashboard on a temporary database, loaded from this machine only
 * (loopback), by a bounded number of requests: ingest latency of full-catalogue reports, then
 * overview-page latency, each with N concurrent clients, then how long a local run (a line appended
 * to {@code .kata/history.jsonl}) takes to reach the dashboard. Prints p50 and p99.
 */
@Command(name = "web-bench", description = "Benchmark the dashboard on loopback: ingest, overview and local-run latency (p50, p99).")
final class LoadBenchmark implements Callable<Integer> {
    @Option(names = "--clients", defaultValue = "50", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", defaultValue = "40", description = "Requests per client and phase (default ${DEFAULT-VALUE}).")
    int perClient;

    @Option(names = "--history", defaultValue = "0", description = "Instead: build a study group's history of N realistic reports"
            + " (20 members, one year), print bytes per report and p50/p99 of every page and API route.")
    int history;

    @Option(names = "--db-url", description = "With --history: build it in this PostgreSQL database (a throw-away schema"
            + " created and dropped there; user and password from $KATA_DB_USER and $KATA_DB_PASSWORD) instead of SQLite.")
    String dbUrl;

    @Option(names = "--samples", defaultValue = "200", description = "With --history: requests per route (default ${DEFAULT-VALUE}).")
    int samples;

    @Override
    public Integer call() throws Exception {
        if (history > 0) {
            HistoryBenchmark.run(history, samples, dbUrl);
            return 0;
        }
        Path dir = Files.createTempDirectory("kata-web-bench");
        try (WebMain.Server server = WebMain.start(dir, dir.resolve("data"), 0)) {
            String base = "http://127.0.0.1:" + server.app().port();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<Kata> katas = Catalogue.standard().katas();
            warmUp(http, base, server.localToken(), katas);
            RequestFactory upload = () -> {
                String body = ReportFiles.JSON.writeValueAsString(report(katas));
                return HttpRequest.newBuilder(URI.create(base + "/api/reports")).header("Authorization", "Bearer " + server.localToken()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            };
            List<Double> single = run(1, 200, upload, http, 201);
            long t0 = System.nanoTime();
            List<Double> ingest = run(clients, perClient, upload, http, 201);
            double ingestSeconds = (System.nanoTime() - t0) / 1e9;
            List<Double> overview = run(clients, perClient, () -> HttpRequest.newBuilder(URI.create(base + "/")).GET().build(), http, 200);
            System.out.printf("dashboard on loopback, %d concurrent clients, %d requests each; %d runs stored%n",
                    clients, perClient, server.store().runCount());
            print("ingest, one client (POST /api/reports, " + katas.size() + " katas)", single);
            print("ingest, " + clients + " concurrent clients", ingest);
            System.out.printf("  ingest throughput with %d clients: %.0f reports/s (writes are serialised: SQLite has one writer)%n",
                    clients, ingest.size() / ingestSeconds);
            print("overview (GET /)", overview);
            print("local run: history line appended -> stored", localRuns(dir, server, katas));
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Collections.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        return 0;
    }

    private void warmUp(HttpClient http, String base, String token, List<Kata> katas) throws Exception {
        for (int i = 0; i < 50; i++) {
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/reports")).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ReportFiles.JSON.writeValueAsString(report(katas)))).build(),
                    HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    /** Appends runs to the local history one at a time, timing each until the dashboard has stored it. */
    private static List<Double> localRuns(Path repo, WebMain.Server server, List<Kata> katas) throws Exception {
        Path history = repo.resolve(".kata/history.jsonl");
        Files.createDirectories(history.getParent());
        List<Double> ms = new ArrayList<>();
        java.util.Random jitter = new java.util.Random(1); // a save lands at any point of the ingester's 500 ms poll
        for (int i = 0; i < 20; i++) {
            Thread.sleep(jitter.nextInt(500));
            long before = server.store().runCount();
            String line = ReportFiles.JSON.writeValueAsString(report(katas)) + "\n";
            long t0 = System.nanoTime();
            Files.writeString(history, line, java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            while (server.store().runCount() == before) {
                if (System.nanoTime() - t0 > 30_000_000_000L) throw new IllegalStateException("a local run was not stored within 30 s");
                Thread.sleep(5);
            }
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return ms;
    }

    static Report report(List<Kata> katas) {
        List<KataReport> ks = new ArrayList<>();
        for (Kata k : katas) {
            boolean failed = k.order() % 3 == 0;
            ks.add(new KataReport(k.slug(), k.topic(), k.title(), failed ? Status.FAILED : Status.PASSED, 3, List.of(
                    CheckReport.passed("worksOnGeneratedInputs", CheckKind.INVARIANT),
                    failed ? new CheckReport("matchesReference", CheckKind.ORACLE, Status.FAILED, "y[0] differs: expected 1.0, got 2.0",
                            "Case(x=[1.0])", 42L) : CheckReport.passed("matchesReference", CheckKind.ORACLE))));
        }
        Report r = Report.of("katas", false, 1, ks);
        return new Report(r.schemaVersion(), r.generatedAt(), UUID.randomUUID().toString(), r.subject(), r.strict(), r.seed(), r.summary(), r.katas());
    }

    interface RequestFactory { HttpRequest next() throws Exception; }

    private static List<Double> run(int clients, int perClient, RequestFactory requests, HttpClient http, int expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Double>>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    List<Double> ms = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        HttpRequest req = requests.next();
                        long t0 = System.nanoTime();
                        HttpResponse<Void> res = http.send(req, HttpResponse.BodyHandlers.discarding());
                        ms.add((System.nanoTime() - t0) / 1e6);
                        if (res.statusCode() != expected) throw new IllegalStateException("HTTP " + res.statusCode() + " for " + req.uri());
                    }
                    return ms;
                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> f : futures) all.addAll(f.get());
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void print(String what, List<Double> ms) {
        double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("  %-45s n=%d  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what, s.length,
                s[(int) Math.ceil(0.50 * s.length) - 1], s[(int) Math.ceil(0.99 * s.length) - 1], s[s.length - 1]);
    }
}
