package katagym.web.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Report;
import katagym.grader.report.Status;

/** Reports in, progress out. Writes are serialised (SQLite has one writer); reads run in parallel. */
public final class ReportStore {
    private final Database db;
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    public ReportStore(Database db) {
        this.db = db;
    }

    /** Grows with every stored report: what a page cache keys on. */
    public long version() { return version.get(); }

    public enum Outcome { STORED, DUPLICATE }

    /** A failed check as the kata page shows it. */
    public record Failure(String runId, String generatedAt, String check, String kind, String message,
                          String counterexample, Long seed, String alsoFailing) {}

    /** One graded attempt of a kata. */
    public record Attempt(String generatedAt, String status, int checksPassed, int checksTotal) {}

    /** One run as the activity list shows it. */
    public record RunSummary(String runId, String generatedAt, int total, int passed, int failed, int pending, String firstSlug) {}

    public long ensureMember(String name) {
        try (Connection c = db.connect()) {
            Optional<Long> id = memberId(c, name);
            if (id.isPresent()) return id.get();
            synchronized (this) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO members(name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING")) {
                    ps.setString(1, name);
                    ps.setString(2, Instant.now().toString());
                    ps.executeUpdate();
                }
            }
            return memberId(c, name).orElseThrow();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public Optional<Long> memberId(String name) {
        try (Connection c = db.connect()) {
            return memberId(c, name);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static Optional<Long> memberId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM members WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Stores a validated report for a member in one transaction; a runId seen before changes nothing. */
    public synchronized Outcome store(long memberId, Report report, String body) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                long runPk;
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO runs(run_id, member_id, generated_at, received_at, subject, strict, seed, total, passed, failed, pending, body)"
                                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(member_id, run_id) DO NOTHING",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, report.runId());
                    ps.setLong(2, memberId);
                    ps.setString(3, report.generatedAt());
                    ps.setString(4, Instant.now().toString());
                    ps.setString(5, report.subject());
                    ps.setInt(6, report.strict() ? 1 : 0);
                    ps.setLong(7, report.seed());
                    ps.setInt(8, report.summary().total());
                    ps.setInt(9, report.summary().passed());
                    ps.setInt(10, report.summary().failed());
                    ps.setInt(11, report.summary().pending());
                    ps.setString(12, body);
                    if (ps.executeUpdate() == 0) {
                        c.rollback();
                        return Outcome.DUPLICATE;
                    }
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        runPk = keys.getLong(1);
                    }
                }
                try (PreparedStatement result = c.prepareStatement(
                        "INSERT INTO results(run_pk, slug, status, duration_ms, checks_passed, checks_total, check_name, check_kind,"
                                + " message, counterexample, seed, also_failing) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
                     PreparedStatement latest = c.prepareStatement(
                        "INSERT INTO latest(member_id, slug, status, run_pk, generated_at) VALUES (?,?,?,?,?)"
                                + " ON CONFLICT(member_id, slug) DO UPDATE SET status = excluded.status, run_pk = excluded.run_pk,"
                                + " generated_at = excluded.generated_at WHERE excluded.generated_at >= latest.generated_at")) {
                    for (KataReport k : report.katas()) {
                        CheckReport f = k.leadCheck();
                        result.setLong(1, runPk);
                        result.setString(2, k.slug());
                        result.setString(3, k.status().id());
                        result.setLong(4, k.durationMs());
                        result.setInt(5, (int) k.checks().stream().filter(x -> x.status() == Status.PASSED).count());
                        result.setInt(6, k.checks().size());
                        result.setString(7, f == null ? null : f.name());
                        result.setString(8, f == null ? null : f.kind().id());
                        result.setString(9, f == null ? null : f.message());
                        result.setString(10, f == null ? null : f.counterexample());
                        if (f == null || f.seed() == null) result.setNull(11, java.sql.Types.BIGINT);
                        else result.setLong(11, f.seed());
                        result.setString(12, alsoFailing(k));
                        result.addBatch();
                        latest.setLong(1, memberId);
                        latest.setString(2, k.slug());
                        latest.setString(3, k.status().id());
                        latest.setLong(4, runPk);
                        latest.setString(5, report.generatedAt());
                        latest.addBatch();
                    }
                    result.executeBatch();
                    latest.executeBatch();
                }
                c.commit();
                version.incrementAndGet();
                return Outcome.STORED;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** slug to status ("passed", "failed", "pending") of each kata the member has graded. */
    public Map<String, String> latestStatuses(long memberId) {
        Map<String, String> out = new LinkedHashMap<>();
        query("SELECT slug, status FROM latest WHERE member_id = ?", ps -> ps.setLong(1, memberId),
                rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    public List<RunSummary> recentRuns(long memberId, int limit) {
        List<RunSummary> out = new ArrayList<>();
        query("SELECT r.run_id, r.generated_at, r.total, r.passed, r.failed, r.pending,"
                        + " (SELECT MIN(slug) FROM results WHERE run_pk = r.id)"
                        + " FROM runs r WHERE r.member_id = ? ORDER BY r.generated_at DESC, r.id DESC LIMIT ?",
                ps -> { ps.setLong(1, memberId); ps.setInt(2, limit); },
                rs -> out.add(new RunSummary(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getString(7))));
        return out;
    }

    /** The kata's graded attempts, oldest first (at most {@code limit}, the most recent ones). */
    public List<Attempt> attempts(long memberId, String slug, int limit) {
        List<Attempt> out = new ArrayList<>();
        query("SELECT r.generated_at, x.status, x.checks_passed, x.checks_total FROM results x JOIN runs r ON r.id = x.run_pk"
                        + " WHERE r.member_id = ? AND x.slug = ? ORDER BY r.generated_at DESC, r.id DESC LIMIT ?",
                ps -> { ps.setLong(1, memberId); ps.setString(2, slug); ps.setInt(3, limit); },
                rs -> out.add(0, new Attempt(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4))));
        return out;
    }

    /** The failed checks other than the lead, "name [kind], ..." (null when there are none). */
    static String alsoFailing(KataReport k) {
        var others = k.otherFailures();
        if (others.isEmpty()) return null;
        return String.join(", ", others.stream().map(c -> c.name() + " [" + c.kind().id() + "]").toList());
    }

    public Optional<Failure> lastFailure(long memberId, String slug) {
        List<Failure> out = new ArrayList<>();
        query("SELECT r.run_id, r.generated_at, x.check_name, x.check_kind, x.message, x.counterexample, x.seed, x.also_failing"
                        + " FROM results x JOIN runs r ON r.id = x.run_pk"
                        + " WHERE r.member_id = ? AND x.slug = ? AND x.status = 'failed' ORDER BY r.generated_at DESC, r.id DESC LIMIT 1",
                ps -> { ps.setLong(1, memberId); ps.setString(2, slug); },
                rs -> {
                    long seed = rs.getLong(7);
                    out.add(new Failure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.wasNull() ? null : seed, rs.getString(8)));
                });
        return out.stream().findFirst();
    }

    /** UTC dates (yyyy-MM-dd) in the last 400 days on which some run of the member passed a kata, newest first. */
    public List<String> passDays(long memberId) {
        List<String> out = new ArrayList<>();
        // a streak is counted back from today: a year of runs is enough, and the index keeps it a range scan
        String since = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(400).toString();
        query("SELECT DISTINCT substr(generated_at, 1, 10) AS day FROM runs WHERE member_id = ? AND generated_at >= ? AND passed > 0"
                        + " ORDER BY day DESC",
                ps -> { ps.setLong(1, memberId); ps.setString(2, since); }, rs -> out.add(rs.getString(1)));
        return out;
    }

    public int runCount() {
        int[] n = {0};
        query("SELECT COUNT(*) FROM runs", ps -> { }, rs -> n[0] = rs.getInt(1));
        return n[0];
    }

    public long offset(String path) {
        long[] n = {0};
        query("SELECT offset_bytes FROM ingest_offsets WHERE path = ?", ps -> ps.setString(1, path), rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    public synchronized void saveOffset(String path, long offset) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO ingest_offsets(path, offset_bytes) VALUES (?, ?)"
                     + " ON CONFLICT(path) DO UPDATE SET offset_bytes = excluded.offset_bytes")) {
            ps.setString(1, path);
            ps.setLong(2, offset);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    interface Binder { void bind(PreparedStatement ps) throws SQLException; }
    interface Row { void read(ResultSet rs) throws SQLException; }

    void query(String sql, Binder binder, Row row) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) row.read(rs);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** A database failure: the request gets a 500 and nothing half-written stays behind. */
    public static final class StoreException extends RuntimeException {
        public StoreException(SQLException cause) { super(cause.getMessage(), cause); }
    }
}
