package katagym.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.Report;
import katagym.grader.report.ReportFiles;
import katagym.web.store.Database;
import katagym.web.store.GroupStore;
import katagym.web.store.ReportStore;
import katagym.web.store.Tokens;

/**
 * {@code ./kata web-bench --history N}: a study group of 20 members with N realistic whole-catalogue
 * reports spread over the last year ({@link HistoryReports}), written through the store in batches of
 * 500 per transaction (the same write path as an upload, without HTTP); then the bytes the database
 * holds per report, and p50/p99 of every page and API route on loopback, one client: "cold", each
 * request right after an upload by the member it shows (so no cached page answers), and "warm",
 * the same requests again with nothing uploaded in between.
 */
final class HistoryBenchmark {
    static final int MEMBERS = 20;
    static final String GROUP = "study";

    static void run(int n, int samples, String postgresUrl) throws Exception {
        Path dir = Files.createTempDirectory("kata-web-history");
        Path data = dir.resolve("data");
        Postgres pg = postgresUrl == null || postgresUrl.isBlank() ? null : Postgres.throwAway(postgresUrl);
        try {
            List<Kata> katas = Catalogue.standard().katas();
            HistoryReports history = new HistoryReports(katas, MEMBERS, 2026);
            List<String> tokens = new ArrayList<>();
            long t0 = System.nanoTime();
            Database db = pg == null ? Database.sqlite(data) : pg.open(data);
            try {
                ReportStore store = new ReportStore(db);
                GroupStore groups = new GroupStore(db, store, new Tokens(db));
                groups.create(GROUP);
                long[] ids = new long[MEMBERS];
                for (int m = 0; m < MEMBERS; m++) {
                    if (m == 0) { // the local learner belongs to no group (its name is reserved)
                        ids[m] = store.ensureMember(member(m));
                        tokens.add(new Tokens(db).create(ids[m]));
                    } else {
                        tokens.add(groups.addMember(GROUP, member(m)));
                        ids[m] = groups.memberId(GROUP, member(m)).orElseThrow();
                    }
                }
                Random rnd = new Random(17);
                Instant end = Instant.now().minus(Duration.ofMinutes(5));
                Instant start = end.minus(Duration.ofDays(365));
                long step = Duration.ofDays(365).toMillis() / Math.max(1, n);
                List<ReportStore.Upload> batch = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int m = rnd.nextInt(MEMBERS);
                    Instant at = start.plusMillis(step * i + (long) (rnd.nextDouble() * step));
                    Report r = history.report(m, (double) i / n, at, "h-" + i, rnd);
                    batch.add(new ReportStore.Upload(ids[m], r, at.plusSeconds(2)));
                    if (batch.size() == 500 || i == n - 1) {
                        store.storeAll(batch);
                        batch.clear();
                    }
                }
                if (pg == null) {
                    try (var c = db.connect(); var st = c.createStatement()) {
                        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    }
                }
            } finally {
                if (pg == null) db.close();
            }
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            long bytes;
            if (pg != null) {
                bytes = pg.bytes(db);
            } else {
                bytes = Files.size(data.resolve("kata-gym.db"));
                Path wal = data.resolve("kata-gym.db-wal");
                if (Files.exists(wal)) bytes += Files.size(wal);
            }
            System.out.printf("history: %d whole-catalogue reports (%d katas each) from %d members over 365 days, built in %.1f s"
                    + " (batches of 500 through ReportStore.storeAll)%n", n, katas.size(), MEMBERS, buildSeconds);
            System.out.printf("  database %s: %.1f MB, %.2f KB per report%n", pg == null ? "file (SQLite)" : "schema (PostgreSQL, tables,"
                    + " indexes and TOAST)", bytes / 1e6, bytes / 1024.0 / n);
            routes(dir, data, katas, history, tokens, samples, pg == null ? Database.sqlite(data) : db);
        } finally {
            if (pg != null) pg.drop();
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Collections.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** A schema of its own in a PostgreSQL database, created for one benchmark and dropped after it. */
    record Postgres(String url, String schema, String user, String password) {
        static Postgres throwAway(String url) throws java.sql.SQLException {
            String user = System.getenv("KATA_DB_USER"), password = System.getenv("KATA_DB_PASSWORD");
            String schema = "kata_bench_" + Long.toString(System.nanoTime(), 36);
            try (var c = java.sql.DriverManager.getConnection(url, user, password); var st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
            }
            return new Postgres(url, schema, user, password);
        }

        Database open(Path dataDir) {
            return Database.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password, dataDir);
        }

        /** Every table's heap, indexes and TOAST in the schema. */
        long bytes(Database db) throws java.sql.SQLException {
            try (var c = db.connect(); var st = c.prepareStatement(
                    "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE n.nspname = ? AND c.relkind = 'r'")) {
                st.setString(1, schema);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        void drop() throws java.sql.SQLException {
            try (var c = java.sql.DriverManager.getConnection(url, user, password); var st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** The first member is the dashboard's local learner (the pages without ?member= show them); the others form the group. */
    static String member(int m) { return m == 0 ? WebApp.LOCAL_MEMBER : String.format("m%02d", m + 1); }

    private static void routes(Path root, Path data, List<Kata> katas, HistoryReports history, List<String> tokens, int samples,
                               Database db) throws Exception {
        // a benchmark of the routes, not of the per-member upload limits: they are lifted
        WebApp.Options unlimited = WebApp.Options.DEFAULTS.uploads(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
        try (WebMain.Server server = WebMain.start(root, db, data, WebMain.DEFAULT_HOST, 0, unlimited)) {
            String base = "http://127.0.0.1:" + server.app().port();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Random rnd = new Random(99);
            String[] names = {"GET / (overview)", "GET /katas", "GET /katas/SLUG", "GET /katas/SLUG?member=", "GET /groups/G",
                    "GET /api/progress", "GET /api/katas/SLUG", "POST /api/reports"};
            Map<String, List<Double>> cold = new LinkedHashMap<>();
            Map<String, List<Double>> warm = new LinkedHashMap<>();
            for (String s : names) { cold.put(s, new ArrayList<>()); warm.put(s, new ArrayList<>()); }
            int warmUp = Math.min(40, samples);
            for (int pass = 0; pass < 3; pass++) {
                boolean upload = pass < 2; // pass 0 warms the JIT; pass 1 is measured cold; pass 2 warm
                int count = pass == 0 ? warmUp : samples;
                for (int i = 0; i < count; i++) {
                    int m = i % MEMBERS;
                    String q = "member=" + member(m);
                    String slug = katas.get((i * 7) % katas.size()).slug();
                    if (upload) {
                        Report r = history.report(m, 1.0, Instant.now(), "bench-" + pass + "-" + i, rnd);
                        String body = ReportFiles.JSON.writeValueAsString(r);
                        double ms = time(http, HttpRequest.newBuilder(URI.create(base + "/api/reports"))
                                .header("Authorization", "Bearer " + tokens.get(m)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201);
                        if (pass == 1) cold.get(names[7]).add(ms);
                    }
                    String[] paths = {"/?" + q, "/katas?" + q, "/katas/" + slug, "/katas/" + slug + "?" + q,
                            "/groups/" + GROUP, "/api/progress?" + q, "/api/katas/" + slug + "?" + q};
                    for (int k = 0; k < paths.length; k++) {
                        double ms = time(http, HttpRequest.newBuilder(URI.create(base + paths[k])).GET().build(), 200);
                        if (pass == 1) cold.get(names[k]).add(ms);
                        if (pass == 2) warm.get(names[k]).add(ms);
                    }
                }
            }
            System.out.printf("  routes on loopback, one client, %d requests each (member and kata vary); %d runs stored at the end%n",
                    samples, server.store().runCount());
            System.out.printf("  %-26s %21s %21s%n", "route", "cold p50 / p99 ms", "warm p50 / p99 ms");
            for (String s : names) {
                List<Double> w = warm.get(s);
                System.out.printf("  %-26s %9.1f / %8.1f  %21s%n", s, pct(cold.get(s), 0.50), pct(cold.get(s), 0.99),
                        w.isEmpty() ? "" : String.format("%9.1f / %8.1f", pct(w, 0.50), pct(w, 0.99)));
            }
        }
    }

    private static double time(HttpClient http, HttpRequest req, int expected) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (res.statusCode() != expected) throw new IllegalStateException("HTTP " + res.statusCode() + " for " + req.uri());
        return ms;
    }

    static double pct(List<Double> ms, double p) {
        double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s[(int) Math.ceil(p * s.length) - 1];
    }
}
