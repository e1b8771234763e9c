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
    private final java.time.Clock clock;
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private final Map<Long, java.util.concurrent.atomic.AtomicLong> memberVersions = new java.util.concurrent.ConcurrentHashMap<>();

    public ReportStore(Database db) {
        this(db, java.time.Clock.systemUTC());
    }

    /** A store whose receive times come from {@code clock}. */
    public ReportStore(Database db, java.time.Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Grows with every stored report of any member. */
    public long version() { return version.get(); }

    /** Grows with every stored report of this member: what a member's page cache keys on. */
    public long version(long memberId) { return memberVersion(memberId).get(); }

    private java.util.concurrent.atomic.AtomicLong memberVersion(long memberId) {
        return memberVersions.computeIfAbsent(memberId, m -> new java.util.concurrent.atomic.AtomicLong());
    }

    public enum Outcome { STORED, DUPLICATE }

    /** A failed check as the kata page shows it. */
    public record Failure(String runId, String generatedAt, String check, String kind, String message,
                          String counterexample, Long seed, String alsoFailing) {}

    /** One graded attempt of a kata. */
    public record Attempt(String generatedAt, String status, int checksPassed, int checksTotal) {}

    /** One run as the activity list shows it. */
    public record RunSummary(String runId, String generatedAt, int total, int passed, int failed, int pending, String firstSlug) {}

    /** The local learner: a member of no group, whose runs come from the history file. */
    public static final String LOCAL_MEMBER = "local";

    /** The id of the member of no group (the local learner, or one from before groups) with this name, made if new. */
    public long ensureMember(String name) {
        return ensureMember(name, null);
    }

    /**
     * The id of the member with this name in the group ({@code null}: of no group), made if new. Names
     * are unique within a group: alice of group A and alice of group B are two members.
     */
    public long ensureMember(String name, Long groupId) {
        try (Connection c = db.connect()) {
            Optional<Long> id = memberId(c, name, groupId);
            if (id.isPresent()) return id.get();
            synchronized (this) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO members(name, group_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                    ps.setString(1, name);
                    if (groupId == null) ps.setNull(2, java.sql.Types.BIGINT);
                    else ps.setLong(2, groupId);
                    ps.setString(3, Instant.now().toString());
                    ps.executeUpdate();
                }
            }
            return memberId(c, name, groupId).orElseThrow();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The member of no group with this name (the local learner, or one from before groups). */
    public Optional<Long> memberId(String name) {
        return memberId(name, null);
    }

    /** The member with this name in the group ({@code null}: of no group). */
    public Optional<Long> memberId(String name, Long groupId) {
        try (Connection c = db.connect()) {
            return memberId(c, name, groupId);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static Optional<Long> memberId(Connection c, String name, Long groupId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(groupId == null ? "SELECT id FROM members WHERE name = ? AND group_id IS NULL"
                : "SELECT id FROM members WHERE name = ? AND group_id = ?")) {
            ps.setString(1, name);
            if (groupId != null) ps.setLong(2, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** A member and their group (0: none). */
    public record MemberOf(long memberId, long groupId) {}

    /** Every member with this name, in any group or none. */
    public List<MemberOf> membersNamed(String name) {
        List<MemberOf> out = new ArrayList<>();
        query("SELECT id, COALESCE(group_id, 0) FROM members WHERE name = ? ORDER BY id", ps -> ps.setString(1, name),
                rs -> out.add(new MemberOf(rs.getLong(1), rs.getLong(2))));
        return out;
    }

    /** Stores a validated report for a member in one transaction; a runId seen before changes nothing. */
    public synchronized Outcome store(long memberId, Report report) {
        return store(memberId, report, clock.instant());
    }

    /** As {@link #store(long, Report)}, received at {@code receivedAt} (history importers and benchmarks). */
    public synchronized Outcome store(long memberId, Report report, Instant receivedAt) {
        return storeAll(List.of(new Upload(memberId, report, receivedAt))).get(0);
    }

    /** A report as received: for {@link #storeAll}. */
    public record Upload(long memberId, Report report, Instant receivedAt) {}

    /**
     * Stores reports in arrival order in one transaction (all or none): what a batch import uses, and
     * the one write path. Keeps the per-member summaries (latest, last failures, pass days) current.
     */
    public synchronized List<Outcome> storeAll(List<Upload> uploads) {
        List<Outcome> outcomes = new ArrayList<>();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement run = c.prepareStatement(
                        "INSERT INTO runs(run_id, member_id, generated_at, received_at, subject, strict, seed, total, passed, failed, pending)"
                                + " VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(member_id, run_id) DO NOTHING",
                        Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement result = c.prepareStatement(
                        "INSERT INTO results(run_pk, slug, status, duration_ms, checks_passed, checks_total, check_name, check_kind,"
                                + " message, counterexample, seed, also_failing) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement latest = c.prepareStatement(
                        "INSERT INTO latest(member_id, slug, status, run_pk, generated_at, received_at, ordered_at) VALUES (?,?,?,?,?,?,?)"
                                + " ON CONFLICT(member_id, slug) DO UPDATE SET status = excluded.status, run_pk = excluded.run_pk,"
                                + " generated_at = excluded.generated_at, received_at = excluded.received_at, ordered_at = excluded.ordered_at"
                                + " WHERE excluded.ordered_at >= latest.ordered_at");
                 PreparedStatement failure = c.prepareStatement(
                        "INSERT INTO last_failures(member_id, slug, run_pk, ordered_at) VALUES (?,?,?,?)"
                                + " ON CONFLICT(member_id, slug) DO UPDATE SET run_pk = excluded.run_pk, ordered_at = excluded.ordered_at"
                                + " WHERE excluded.ordered_at >= last_failures.ordered_at");
                 PreparedStatement passDay = c.prepareStatement(
                        "INSERT INTO pass_days(member_id, day) VALUES (?,?) ON CONFLICT(member_id, day) DO NOTHING");
                 PreparedStatement runDay = c.prepareStatement(
                        "INSERT INTO run_days(member_id, day, runs) VALUES (?,?,1) ON CONFLICT(member_id, day) DO UPDATE SET runs = run_days.runs + 1")) {
                java.util.Set<Long> changed = new java.util.HashSet<>();
                for (Upload u : uploads) {
                    Report report = u.report();
                    long memberId = u.memberId();
                    String receivedAt = RECEIVED.format(u.receivedAt());
                    String orderedAt = RECEIVED.format(orderedAt(report.generatedAt(), u.receivedAt()));
                    run.setString(1, report.runId());
                    run.setLong(2, memberId);
                    run.setString(3, report.generatedAt());
                    run.setString(4, receivedAt);
                    run.setString(5, report.subject());
                    run.setInt(6, report.strict() ? 1 : 0);
                    run.setLong(7, report.seed());
                    run.setInt(8, report.summary().total());
                    run.setInt(9, report.summary().passed());
                    run.setInt(10, report.summary().failed());
                    run.setInt(11, report.summary().pending());
                    if (run.executeUpdate() == 0) {
                        outcomes.add(Outcome.DUPLICATE);
                        continue;
                    }
                    long runPk;
                    try (ResultSet keys = run.getGeneratedKeys()) {
                        keys.next();
                        runPk = keys.getLong(1);
                    }
                    boolean anyFailed = false;
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
                        latest.setString(6, receivedAt);
                        latest.setString(7, orderedAt);
                        latest.addBatch();
                        if (k.status() == Status.FAILED) {
                            anyFailed = true;
                            failure.setLong(1, memberId);
                            failure.setString(2, k.slug());
                            failure.setLong(3, runPk);
                            failure.setString(4, orderedAt);
                            failure.addBatch();
                        }
                    }
                    result.executeBatch();
                    latest.executeBatch();
                    if (anyFailed) failure.executeBatch();
                    if (report.summary().passed() > 0 && report.generatedAt() != null && report.generatedAt().length() >= 10) {
                        passDay.setLong(1, memberId);
                        passDay.setString(2, report.generatedAt().substring(0, 10));
                        passDay.executeUpdate();
                    }
                    runDay.setLong(1, memberId);
                    runDay.setString(2, receivedAt.substring(0, 10));
                    runDay.executeUpdate();
                    if (report.practice() != null) storePractice(c, memberId, report.practice(), orderedAt);
                    changed.add(memberId);
                    outcomes.add(Outcome.STORED);
                }
                c.commit();
                for (long m : changed) memberVersion(m).incrementAndGet();
                if (!changed.isEmpty()) version.incrementAndGet();
                return outcomes;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * The time that decides which run is a kata's latest: the report's generatedAt, but never later than
     * when the server received it. A report dated 2999 counts as received now (it cannot pin a stale
     * status), and an older run read late from a history file does not replace a newer one.
     */
    static Instant orderedAt(String generatedAt, Instant receivedAt) {
        try {
            Instant generated = Instant.parse(generatedAt);
            return generated.isBefore(receivedAt) ? generated : receivedAt;
        } catch (RuntimeException e) {
            return receivedAt;
        }
    }

    /**
     * Replaces the member's practice summary with this one, unless a newer one is stored already (an older
     * run read late from a history file must not bring back old scorecards).
     */
    private static void storePractice(Connection c, long memberId, katagym.grader.report.Practice p, String orderedAt) throws SQLException {
        try (PreparedStatement reported = c.prepareStatement("INSERT INTO practice_reported(member_id, ordered_at) VALUES (?,?)"
                + " ON CONFLICT(member_id) DO UPDATE SET ordered_at = excluded.ordered_at WHERE excluded.ordered_at >= practice_reported.ordered_at")) {
            reported.setLong(1, memberId);
            reported.setString(2, orderedAt);
            if (reported.executeUpdate() == 0) return;
        }
        for (String table : List.of("practice_scorecards", "practice_overdue")) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE member_id = ?")) {
                delete.setLong(1, memberId);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement card = c.prepareStatement("INSERT INTO practice_scorecards(member_id, position, kata, started_at, passed,"
                + " seconds_to_pass, hints, attempts) VALUES (?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < p.interviews().size(); i++) {
                var s = p.interviews().get(i);
                card.setLong(1, memberId);
                card.setInt(2, i);
                card.setString(3, s.kata());
                card.setString(4, s.startedAt());
                card.setInt(5, s.passed() ? 1 : 0);
                if (s.secondsToPass() == null) card.setNull(6, java.sql.Types.BIGINT);
                else card.setLong(6, s.secondsToPass());
                card.setInt(7, s.hints());
                card.setInt(8, s.attempts());
                card.addBatch();
            }
            if (!p.interviews().isEmpty()) card.executeBatch();
        }
        try (PreparedStatement overdue = c.prepareStatement("INSERT INTO practice_overdue(member_id, kata, days_overdue) VALUES (?,?,?)")) {
            for (var o : p.overdue()) {
                overdue.setLong(1, memberId);
                overdue.setString(2, o.kata());
                overdue.setLong(3, o.daysOverdue());
                overdue.addBatch();
            }
            if (!p.overdue().isEmpty()) overdue.executeBatch();
        }
    }

    /** The member's latest practice summary (scorecards newest first, overdue reviews most overdue first), if one was uploaded. */
    public Optional<katagym.grader.report.Practice> practice(long memberId) {
        boolean[] reported = {false};
        query("SELECT 1 FROM practice_reported WHERE member_id = ?", ps -> ps.setLong(1, memberId), rs -> reported[0] = true);
        if (!reported[0]) return Optional.empty();
        List<katagym.grader.report.Practice.InterviewSummary> cards = new ArrayList<>();
        query("SELECT kata, started_at, passed, seconds_to_pass, hints, attempts FROM practice_scorecards WHERE member_id = ? ORDER BY position",
                ps -> ps.setLong(1, memberId), rs -> {
                    long seconds = rs.getLong(4);
                    Long toPass = rs.wasNull() ? null : seconds;
                    cards.add(new katagym.grader.report.Practice.InterviewSummary(rs.getString(1), rs.getString(2), rs.getInt(3) == 1,
                            toPass, rs.getInt(5), rs.getInt(6)));
                });
        List<katagym.grader.report.Practice.OverdueReview> overdue = new ArrayList<>();
        query("SELECT kata, days_overdue FROM practice_overdue WHERE member_id = ? ORDER BY days_overdue DESC, kata",
                ps -> ps.setLong(1, memberId), rs -> overdue.add(new katagym.grader.report.Practice.OverdueReview(rs.getString(1), rs.getLong(2))));
        return Optional.of(new katagym.grader.report.Practice(cards, overdue));
    }

    /** received_at is written with a fixed width, so its text order is its time order. */
    static final java.time.format.DateTimeFormatter RECEIVED =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

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
                        + " FROM runs r WHERE r.member_id = ? ORDER BY r.received_at DESC, r.id DESC LIMIT ?",
                ps -> { ps.setLong(1, memberId); ps.setInt(2, limit); },
                rs -> out.add(new RunSummary(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getString(7))));
        return out;
    }

    /** The kata's results in the member's runs, pending ones included, oldest first (at most {@code limit}, the most recent ones). */
    public List<Attempt> attempts(long memberId, String slug, int limit) {
        return attempts(memberId, slug, limit, false);
    }

    /**
     * The kata's graded attempts, oldest first (at most {@code limit}, the most recent ones): only runs
     * that passed or failed it, not the runs where it was still pending (a whole-catalogue run, a reset).
     */
    public List<Attempt> gradedAttempts(long memberId, String slug, int limit) {
        return attempts(memberId, slug, limit, true);
    }

    private List<Attempt> attempts(long memberId, String slug, int limit, boolean gradedOnly) {
        List<Attempt> out = new ArrayList<>();
        query("SELECT r.generated_at, x.status, x.checks_passed, x.checks_total FROM results x JOIN runs r ON r.id = x.run_pk"
                        + " WHERE r.member_id = ? AND x.slug = ?" + (gradedOnly ? " AND x.status IN ('passed', 'failed')" : "")
                        + " ORDER BY r.received_at DESC, r.id DESC LIMIT ?",
                ps -> { ps.setLong(1, memberId); ps.setString(2, slug); ps.setInt(3, limit); },
                rs -> out.add(0, new Attempt(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4))));
        return out;
    }

    /** When the kata first passed after its last failure (the run's generatedAt), if it has since. */
    public Optional<String> fixedSince(long memberId, String slug) {
        List<String> out = new ArrayList<>();
        query("SELECT r.generated_at FROM last_failures l JOIN runs f ON f.id = l.run_pk"
                        + " JOIN runs r ON r.member_id = l.member_id AND (r.received_at > f.received_at OR (r.received_at = f.received_at AND r.id > f.id))"
                        + " JOIN results x ON x.run_pk = r.id AND x.slug = l.slug"
                        + " WHERE l.member_id = ? AND l.slug = ? AND x.status = 'passed' ORDER BY r.received_at, r.id LIMIT 1",
                ps -> { ps.setLong(1, memberId); ps.setString(2, slug); }, rs -> out.add(rs.getString(1)));
        return out.stream().findFirst();
    }

    /** A kata whose latest verdict is failed: its lead check and when that run was made. */
    public record FailingKata(String slug, String check, String kind, String generatedAt) {}

    /** The member's katas whose latest verdict is failed. */
    public List<FailingKata> failing(long memberId) {
        List<FailingKata> out = new ArrayList<>();
        query("SELECT l.slug, x.check_name, x.check_kind, l.generated_at FROM latest l JOIN results x ON x.run_pk = l.run_pk AND x.slug = l.slug"
                        + " WHERE l.member_id = ? AND l.status = 'failed'",
                ps -> ps.setLong(1, memberId), rs -> out.add(new FailingKata(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))));
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
                        + " FROM last_failures l JOIN results x ON x.run_pk = l.run_pk AND x.slug = l.slug JOIN runs r ON r.id = l.run_pk"
                        + " WHERE l.member_id = ? AND l.slug = ?",
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
        // a streak is counted back from today: a year of days is enough; one row per day, kept on upload
        String since = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(400).toString();
        query("SELECT day FROM pass_days WHERE member_id = ? AND day >= ? ORDER BY day DESC",
                ps -> { ps.setLong(1, memberId); ps.setString(2, since); }, rs -> out.add(rs.getString(1)));
        return out;
    }

    /** How many runs of this member are stored: what the storage quota counts. */
    public int runCount(long memberId) {
        int[] n = {0};
        query("SELECT COUNT(*) FROM runs WHERE member_id = ?", ps -> ps.setLong(1, memberId), rs -> n[0] = rs.getInt(1));
        return n[0];
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
