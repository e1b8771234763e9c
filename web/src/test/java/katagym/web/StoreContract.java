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

    /** A second, empty database (its own SQLite file or PostgreSQL schema): unmigrated, its Flyway location, and how to open it migrated. */
    record Legacy(javax.sql.DataSource raw, String location, java.util.concurrent.Callable<Database> open) {}

    abstract Legacy legacy() throws Exception;

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
    void theKataPageReadsGradedAttemptsOnlyWhenAFailureWasFixedAndWhatFailsNow() {
        long alice = store.ensureMember("alice");
        store.store(alice, Fixture.failed("relu", "zeroForNegatives", 0));
        assertThat(store.failing(alice)).extracting(ReportStore.FailingKata::slug, ReportStore.FailingKata::check)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("relu", "zeroForNegatives"));
        assertThat(store.fixedSince(alice, "relu")).as("not fixed yet").isEmpty();
        // a run where relu was still pending (a whole-catalogue run, a reset) is not an attempt
        store.store(alice, Report.of("katas", false, 3, java.util.List.of(new katagym.grader.report.KataReport(
                "relu", "activations", "ReLU", katagym.grader.report.Status.PENDING, 0, java.util.List.of()))));
        Report fix = Fixture.passed("relu");
        store.store(alice, fix);
        store.store(alice, Fixture.passed("relu", "tanh"));
        assertThat(store.attempts(alice, "relu", 10)).extracting(ReportStore.Attempt::status).containsExactly("failed", "pending", "passed", "passed");
        assertThat(store.gradedAttempts(alice, "relu", 10)).extracting(ReportStore.Attempt::status).containsExactly("failed", "passed", "passed");
        assertThat(store.fixedSince(alice, "relu")).as("the first pass after the failure").hasValue(fix.generatedAt());
        assertThat(store.failing(alice)).isEmpty();
    }

    @Test
    void theGroupsListCountsMembersAndTheirLastActivity() {
        groups.create("quiet");
        groups.create("busy");
        groups.addMember("busy", "alice");
        groups.addMember("busy", "bob");
        store.store(groups.memberId("busy", "alice").orElseThrow(), Fixture.passed("relu"));
        var summaries = groups.summaries();
        assertThat(summaries).extracting(s -> s.group().name()).containsExactly("busy", "quiet");
        assertThat(summaries.get(0).memberCount()).isEqualTo(2);
        assertThat(summaries.get(0).lastActivity()).isNotNull();
        assertThat(java.time.Instant.parse(summaries.get(0).lastActivity())).isBefore(java.time.Instant.now().plusSeconds(1));
        assertThat(summaries.get(1).memberCount()).isZero();
        assertThat(summaries.get(1).lastActivity()).isNull();
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
        assertThat(groups.revokeMember("ml-study", "bob")).isEqualTo(1);
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
    void membersAreScopedToTheirGroupAndTheLocalNameIsReserved() {
        groups.create("a");
        groups.create("b");
        String ofA = groups.addMember("a", "alice");
        String ofB = groups.addMember("b", "alice");
        long aliceA = tokens.verify(ofA).orElseThrow();
        long aliceB = tokens.verify(ofB).orElseThrow();
        assertThat(aliceA).as("alice of a and alice of b are two members").isNotEqualTo(aliceB);
        assertThat(groups.memberId("a", "alice")).contains(aliceA);
        assertThat(groups.memberId("b", "alice")).contains(aliceB);
        assertThat(tokens.verify(groups.addMember("a", "alice"))).as("adding her again makes a token, not a member").contains(aliceA);
        assertThat(store.membersNamed("alice")).hasSize(2);
        assertThat(store.memberId("alice")).as("no alice outside a group").isEmpty();
        store.store(aliceB, Fixture.passed("sigmoid"));
        assertThat(groups.statuses("a").get("alice")).isEmpty();
        assertThat(groups.statuses("b").get("alice")).containsEntry("sigmoid", "passed");
        assertThat(groups.leaderboard("a")).singleElement().satisfies(p -> assertThat(p.solved()).isZero());
        assertThat(groups.leaderboard("b")).singleElement().satisfies(p -> assertThat(p.solved()).isEqualTo(1));
        assertThat(groups.revokeMember("b", "alice")).isEqualTo(1);
        assertThat(tokens.verify(ofA)).isPresent();
        assertThatThrownBy(() -> groups.revokeMember("b", "bob")).hasMessageContaining("no member 'bob' in group 'b'");
        long local = store.ensureMember(WebApp.LOCAL_MEMBER);
        assertThat(store.ensureMember(WebApp.LOCAL_MEMBER)).isEqualTo(local);
        assertThatThrownBy(() -> groups.addMember("a", WebApp.LOCAL_MEMBER)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> groups.revokeMember("a", WebApp.LOCAL_MEMBER)).hasMessageContaining("reserved");
        assertThat(groups.create("hidden", true)).isTrue();
        assertThat(groups.find("hidden").orElseThrow().isPrivate()).isTrue();
        assertThat(groups.find("a").orElseThrow().isPrivate()).isFalse();
        assertThat(groups.setPrivate("hidden", false)).isTrue();
        assertThat(groups.find("hidden").orElseThrow().isPrivate()).isFalse();
        assertThat(groups.setPrivate("nope", true)).isFalse();
    }

    @Test
    void aV4DatabaseWithOneNameInTwoGroupsIsUpgradedWithoutLosingAnything() throws Exception {
        Legacy legacy = legacy();
        org.flywaydb.core.Flyway.configure().dataSource(legacy.raw()).locations(legacy.location()).target("4").load().migrate();
        // what the V4 code wrote: one alice in groups a (joined first) and b, one bob in b, the local learner in none
        Database v4 = Database.unmigrated(legacy.raw());
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        try (var c = v4.connect(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO members(name, created_at) VALUES ('local', '2026-01-01T00:00:00Z')");
            st.executeUpdate("INSERT INTO members(name, created_at) VALUES ('alice', '2026-01-02T00:00:00Z')");
            st.executeUpdate("INSERT INTO members(name, created_at) VALUES ('bob', '2026-01-03T00:00:00Z')");
            st.executeUpdate("INSERT INTO study_groups(name, created_at) VALUES ('a', '2026-01-01T00:00:00Z')");
            st.executeUpdate("INSERT INTO study_groups(name, created_at) VALUES ('b', '2026-01-01T00:00:00Z')");
            try (var rs = st.executeQuery("SELECT name, id FROM members UNION ALL SELECT 'group ' || name, id FROM study_groups")) {
                while (rs.next()) ids.put(rs.getString(1), rs.getLong(2));
            }
            st.executeUpdate("INSERT INTO group_members(group_id, member_id, joined_at) VALUES (" + ids.get("group a") + ", " + ids.get("alice")
                    + ", '2026-01-02T00:00:00Z'), (" + ids.get("group b") + ", " + ids.get("alice") + ", '2026-01-05T00:00:00Z'), ("
                    + ids.get("group b") + ", " + ids.get("bob") + ", '2026-01-03T00:00:00Z')");
        }
        long alice = ids.get("alice");
        long bob = ids.get("bob");
        ReportStore old = new ReportStore(v4);
        String aliceToken = new Tokens(v4).create(alice);
        String bobToken = new Tokens(v4).create(bob);
        java.time.Instant t = java.time.Instant.parse("2026-05-01T10:00:00Z");
        old.store(alice, Fixture.failedSigmoid(), t);
        old.store(alice, Fixture.passed("tanh"), t.plusSeconds(60));
        old.store(bob, Fixture.passed("relu"), t.plusSeconds(120));
        old.store(ids.get("local"), Fixture.passed("gelu"), t.plusSeconds(180));
        if (legacy.raw() instanceof java.io.Closeable closeable) closeable.close();

        try (Database upgraded = legacy.open().call()) {
            ReportStore s = new ReportStore(upgraded);
            Tokens tk = new Tokens(upgraded);
            GroupStore g = new GroupStore(upgraded, s, tk);
            long aliceA = g.memberId("a", "alice").orElseThrow();
            long aliceB = g.memberId("b", "alice").orElseThrow();
            assertThat(aliceA).as("alice keeps her id in the group she joined first").isEqualTo(alice);
            assertThat(aliceB).isNotEqualTo(aliceA);
            assertThat(tk.verify(aliceToken)).as("and her token").contains(aliceA);
            assertThat(tk.verify(bobToken)).contains(bob);
            assertThat(g.memberId("b", "bob")).contains(bob);
            assertThat(s.memberId(WebApp.LOCAL_MEMBER)).contains(ids.get("local"));
            assertThat(g.members("a")).containsExactly("alice");
            assertThat(g.members("b")).containsExactly("alice", "bob");
            for (long each : new long[] {aliceA, aliceB}) {
                assertThat(s.latestStatuses(each)).containsEntry("sigmoid", "failed").containsEntry("tanh", "passed").hasSize(2);
                assertThat(s.recentRuns(each, 10)).hasSize(2);
                assertThat(s.lastFailure(each, "sigmoid")).hasValueSatisfying(f -> assertThat(f.seed()).isEqualTo(1234567L));
                assertThat(s.attempts(each, "sigmoid", 10)).extracting(ReportStore.Attempt::status).containsExactly("failed");
                assertThat(s.passDays(each)).isNotEmpty().isEqualTo(s.passDays(alice));
            }
            assertThat(g.statuses("b").get("alice")).containsEntry("tanh", "passed");
            assertThat(g.activity("a", 400)).isEqualTo(g.activity("b", 400).stream()
                    .map(d -> new GroupStore.DayCount(d.day(), d.runs() - 1)).toList()); // b has bob's run too
            assertThat(s.runCount()).isEqualTo(4 + 2);
            assertThat(s.latestStatuses(bob)).containsEntry("relu", "passed");
            // after the upgrade a name is unique per group
            assertThat(tk.verify(g.addMember("b", "alice"))).contains(aliceB);
            assertThat(tk.verify(g.addMember("a", "bob"))).isPresent().isNotEqualTo(java.util.Optional.of(bob));
        }
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
