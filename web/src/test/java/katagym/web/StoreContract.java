package katagym.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import katagym.grader.report.Report;
import katagym.web.store.Database;
import katagym.web.store.GroupStore;
import katagym.web.store.ReportStore;
import katagym.web.store.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The storage behaviour every database must have: run on SQLite and on a real PostgreSQL server. */
abstract class StoreContract {
    Database db;
    ReportStore store;
    Tokens tokens;
    GroupStore groups;

    abstract Database open() throws Exception;

    @BeforeEach
    void openDatabase() throws Exception {
        db = open();
        store = new ReportStore(db);
        tokens = new Tokens(db);
        groups = new GroupStore(db, store, tokens);
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) db.close();
    }

    @Test
    void aReportIsStoredOncePerMemberAndItsLatestStatusesFollowTheNewestRun() {
        long alice = store.ensureMember("alice");
        long bob = store.ensureMember("bob");
        Report failed = Fixture.failedSigmoid();
        assertThat(store.store(alice, failed)).isEqualTo(ReportStore.Outcome.STORED);
        assertThat(store.store(alice, failed)).isEqualTo(ReportStore.Outcome.DUPLICATE);
        assertThat(store.store(bob, failed)).isEqualTo(ReportStore.Outcome.STORED);
        Report passed = Fixture.passed("sigmoid", "tanh");
        store.store(alice, passed);
        assertThat(store.latestStatuses(alice)).containsEntry("sigmoid", "passed").containsEntry("tanh", "passed");
        assertThat(store.latestStatuses(bob)).containsEntry("sigmoid", "failed").doesNotContainKey("tanh");
        assertThat(store.lastFailure(alice, "sigmoid")).hasValueSatisfying(f -> {
            assertThat(f.counterexample()).contains("709.78");
            assertThat(f.seed()).isEqualTo(1234567L);
        });
        assertThat(store.attempts(alice, "sigmoid", 10)).extracting(ReportStore.Attempt::status).containsExactly("failed", "passed");
        assertThat(store.recentRuns(alice, 10)).hasSize(2);
        assertThat(store.passDays(alice)).hasSize(1);
        assertThat(store.runCount()).isEqualTo(3);
    }

    @Test
    void tokensVerifyUntilRevokedAndAreStoredOnlyAsSaltedHashes() throws Exception {
        long alice = store.ensureMember("alice");
        String token = tokens.create(alice);
        assertThat(tokens.verify(token)).contains(alice);
        assertThat(tokens.verify(token + "x")).isEmpty();
        assertThat(tokens.verify("kg_999_" + token.split("_", 3)[2])).isEmpty();
        try (var c = db.connect(); var rs = c.createStatement().executeQuery("SELECT salt, hash FROM tokens")) {
            while (rs.next()) {
                assertThat(token).doesNotContain(rs.getString("hash"));
                assertThat(rs.getString("salt")).hasSize(32);
            }
        }
        assertThat(tokens.revoke(token)).isTrue();
        assertThat(tokens.verify(token)).isEmpty();
        assertThat(tokens.revoke(token)).isFalse();
        Tokens admin = Tokens.admin(db);
        String adminToken = admin.createAdmin();
        assertThat(admin.verify(adminToken)).isPresent();
        assertThat(tokens.verify(adminToken)).as("an admin token is not an upload token").isEmpty();
    }

    @Test
    void groupsHoldMembersWithTheirStatusesLeaderboardAndActivity() {
        assertThat(groups.create("ml-study")).isTrue();
        assertThat(groups.create("ml-study")).isFalse();
        String alice = groups.addMember("ml-study", "alice");
        String bob = groups.addMember("ml-study", "bob");
        groups.addMember("ml-study", "carol");
        assertThat(tokens.verify(alice)).isPresent();
        long aliceId = tokens.verify(alice).orElseThrow();
        long bobId = tokens.verify(bob).orElseThrow();
        Report two = Fixture.passed("sigmoid", "tanh");
        Report one = Fixture.passed("relu");
        store.store(aliceId, two);
        store.store(bobId, one);
        assertThat(groups.members("ml-study")).containsExactly("alice", "bob", "carol");
        assertThat(groups.statuses("ml-study").get("alice")).containsEntry("sigmoid", "passed");
        assertThat(groups.statuses("ml-study").get("carol")).isEmpty();
        assertThat(groups.leaderboard("ml-study")).extracting(GroupStore.MemberProgress::name).containsExactly("alice", "bob", "carol");
        assertThat(groups.activity("ml-study", 30)).singleElement().satisfies(d -> assertThat(d.runs()).isEqualTo(2));
        assertThat(groups.revokeMember("bob")).isEqualTo(1);
        assertThat(tokens.verify(bob)).isEmpty();
        assertThatThrownBy(() -> groups.addMember("nope", "dave")).hasMessageContaining("no group 'nope'");
        assertThatThrownBy(() -> groups.create("<script>")).hasMessageContaining("names are");
    }

    private static Report dated(Report r, String generatedAt, String runId) {
        return new Report(r.schemaVersion(), generatedAt, runId, r.subject(), r.strict(), r.seed(), r.summary(), r.katas());
    }

    @Test
    void theServersReceiveTimeDecidesWhatIsLatestNotAClientsClock() {
        groups.create("g");
        long alice = tokens.verify(groups.addMember("g", "alice")).orElseThrow();
        long bob = tokens.verify(groups.addMember("g", "bob")).orElseThrow();
        java.time.Instant t = java.time.Instant.parse("2026-05-01T10:00:00Z");
        // a report dated 2999 does not pin its status: the next report received replaces it
        store.store(alice, dated(Fixture.failedSigmoid(), "2999-01-01T00:00:00Z", "future"), t);
        store.store(alice, dated(Fixture.passed("sigmoid"), "2026-05-01T10:05:00Z", "now"), t.plusSeconds(300));
        assertThat(store.latestStatuses(alice)).containsEntry("sigmoid", "passed");
        assertThat(store.recentRuns(alice, 10)).extracting(ReportStore.RunSummary::runId).containsExactly("now", "future");
        assertThat(store.lastFailure(alice, "sigmoid")).hasValueSatisfying(f -> assertThat(f.runId()).isEqualTo("future"));
        // bob solved tanh first (by the server's clock); alice's report claiming the year 2000 does not put her ahead
        store.store(bob, dated(Fixture.passed("tanh"), "2026-05-01T11:00:00Z", "b1"), t.plusSeconds(3600));
        store.store(bob, dated(Fixture.passed("sigmoid"), "2026-05-01T11:30:00Z", "b2"), t.plusSeconds(5400));
        store.store(alice, dated(Fixture.passed("tanh"), "2000-01-01T00:00:00Z", "a2"), t.plusSeconds(7200));
        assertThat(groups.leaderboard("g")).extracting(GroupStore.MemberProgress::name).containsExactly("bob", "alice");
        assertThat(store.passDays(alice)).isNotEmpty();
    }

    @Test
    void aNewerPracticeSummaryReplacesTheStoredOneAndAnOlderOneReadLateDoesNot() {
        long alice = store.ensureMember("alice");
        java.time.Instant t = java.time.Instant.parse("2026-05-01T10:00:00Z");
        var older = new katagym.grader.report.Practice(
                java.util.List.of(new katagym.grader.report.Practice.InterviewSummary("relu", "2026-04-30T09:00:00Z", false, null, 2, 7)),
                java.util.List.of(new katagym.grader.report.Practice.OverdueReview("sigmoid", 4), new katagym.grader.report.Practice.OverdueReview("tanh", 9)));
        var newer = new katagym.grader.report.Practice(
                java.util.List.of(new katagym.grader.report.Practice.InterviewSummary("softmax", "2026-05-01T09:00:00Z", true, 600L, 0, 3)),
                java.util.List.of());
        assertThat(store.practice(alice)).isEmpty();
        store.store(alice, dated(Fixture.passed("sigmoid"), "2026-05-01T09:00:00Z", "r1").withPractice(older), t);
        assertThat(store.practice(alice)).as("overdue reviews most overdue first").hasValueSatisfying(p -> {
            assertThat(p.interviews()).isEqualTo(older.interviews());
            assertThat(p.overdue()).extracting(katagym.grader.report.Practice.OverdueReview::kata).containsExactly("tanh", "sigmoid");
        });
        store.store(alice, dated(Fixture.passed("sigmoid"), "2026-05-01T10:30:00Z", "r2").withPractice(newer), t.plusSeconds(3600));
        assertThat(store.practice(alice)).contains(newer);
        store.store(alice, dated(Fixture.passed("sigmoid"), "2026-05-01T09:30:00Z", "r0").withPractice(older), t.plusSeconds(7200));
        assertThat(store.practice(alice)).as("an older run read late keeps the newer summary").contains(newer);
        store.store(alice, dated(Fixture.passed("tanh"), "2026-05-01T12:00:00Z", "r3"), t.plusSeconds(9000));
        assertThat(store.practice(alice)).as("a report without practice leaves it alone").contains(newer);
    }
}
