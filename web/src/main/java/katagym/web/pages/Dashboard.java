package katagym.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import katagym.grader.catalogue.Statement;
import katagym.grader.hints.HintStore;
import katagym.grader.practice.DueItems;
import katagym.grader.practice.PracticeLog;
import katagym.grader.practice.Scorecard;
import katagym.grader.report.Practice;
import katagym.grader.report.ReportFiles;
import katagym.grader.run.Replay;
import katagym.web.store.ReportStore;

/** Builds what the pages and the API show, from the catalogue and a member's stored runs. */
public final class Dashboard {
    private final Catalogue catalogue;
    private final ReportStore store;
    private final Path root;
    private final Markdown markdown = new Markdown();
    private final Map<String, String> statementHtml = new ConcurrentHashMap<>();
    private final Map<String, List<String>> hintLists = new ConcurrentHashMap<>();
    private final HintStore hintStore;
    /** /api/progress and group pages, per member and per group: an upload evicts only its member's (and their groups'). */
    private final PageCache cache = new PageCache(1024);

    public Dashboard(Catalogue catalogue, ReportStore store, Path root) {
        this.catalogue = catalogue;
        this.store = store;
        this.root = root;
        this.hintStore = HintStore.of(root);
    }

    public Catalogue catalogue() { return catalogue; }

    /** The repository the dashboard follows (its statements, topic pages, drills and .kata state). */
    public Path root() { return root; }

    private List<Views.KataRow> rows(long memberId) {
        Map<String, String> latest = store.latestStatuses(memberId);
        List<Views.KataRow> out = new ArrayList<>();
        for (Kata k : catalogue.katas()) {
            out.add(new Views.KataRow(k.order(), k.slug(), k.title(), k.topic(), k.difficulty(), latest.getOrDefault(k.slug(), "pending")));
        }
        return out;
    }

    /** What a member's pages depend on: their stored runs, and the day (the streak changes at midnight). */
    public Object memberStamp(long memberId) {
        return List.of(store.version(memberId), LocalDate.now(ZoneOffset.UTC));
    }

    public Views.Overview overview(String member, long memberId) {
        return overview(member, memberId, rows(memberId));
    }

    private Views.Overview overview(String member, long memberId, List<Views.KataRow> rows) {
        Map<String, int[]> byTopic = new LinkedHashMap<>();
        for (Views.KataRow r : rows) {
            int[] c = byTopic.computeIfAbsent(r.topic(), t -> new int[2]);
            c[1]++;
            if (r.status().equals("passed")) c[0]++;
        }
        List<Views.TopicProgress> topics = new ArrayList<>();
        byTopic.forEach((t, c) -> topics.add(new Views.TopicProgress(t, c[0], c[1])));
        int solved = (int) rows.stream().filter(r -> r.status().equals("passed")).count();
        Views.KataRow next = rows.stream().filter(r -> !r.status().equals("passed")).findFirst().orElse(null);
        Map<String, Views.KataRow> bySlug = new LinkedHashMap<>();
        for (Views.KataRow r : rows) bySlug.put(r.slug(), r);
        List<Views.Failing> failing = new ArrayList<>();
        for (var f : store.failing(memberId)) {
            Views.KataRow r = bySlug.get(f.slug());
            if (r != null) failing.add(new Views.Failing(r, f.check(), f.kind(), f.generatedAt()));
        }
        failing.sort(java.util.Comparator.comparingInt(f -> f.kata().order()));
        return new Views.Overview(member, solved, rows.size(), topics, next, store.recentRuns(memberId, 8), streak(memberId), failing,
                rows.stream().filter(r -> r.status().equals("pending")).findFirst().orElse(null), dueForReview(member, memberId), "");
    }

    /**
     * What is due for review: for the local learner read from {@code .kata/} now (history, reviews, drills);
     * for another member, as their latest upload with a practice summary reported it.
     */
    Views.DueForReview dueForReview(String member, long memberId) {
        if (member.equals(katagym.web.WebApp.LOCAL_MEMBER)) {
            DueItems due = DueItems.read(root, catalogue, java.time.Instant.now());
            return new Views.DueForReview(due.dueKatas().stream().map(d -> dueReview(d.slug(), d.daysOverdue())).toList(), due.drillsDue());
        }
        return new Views.DueForReview(store.practice(memberId).map(p -> p.overdue().stream()
                .map(o -> dueReview(o.kata(), o.daysOverdue())).toList()).orElse(List.of()), 0);
    }

    private Views.DueReview dueReview(String slug, long days) {
        return new Views.DueReview(slug, catalogue.find(slug).map(Kata::title).orElse(slug), days);
    }

    /**
     * What the overview depends on: the member's stored runs, the day, and (the local learner's "Due for
     * review") the practice files in {@code .kata/}, which the store does not follow.
     */
    public Object overviewStamp(String member, long memberId) {
        if (!member.equals(katagym.web.WebApp.LOCAL_MEMBER)) return memberStamp(memberId);
        return List.of(memberStamp(memberId), modified(PracticeLog.REVIEWS), modified(katagym.grader.drill.DrillLog.FILE), modified(PracticeLog.INTERVIEWS),
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS));
    }

    private String modified(String file) { return PageCache.modified(root.resolve(file)); }

    /** {@code /interviews}: the local learner's scorecards, newest first, and the data of the trend chart (oldest first). */
    public Views.InterviewList interviews() {
        List<Scorecard> cards = new PracticeLog(root).interviews();
        List<Views.InterviewRow> rows = new ArrayList<>();
        List<Map<String, Object>> trend = new ArrayList<>();
        for (Scorecard s : cards) {
            rows.add(0, row(s));
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("date", day(s.startedAt()));
            point.put("kata", s.kata());
            point.put("passed", s.passed());
            point.put("minutesToPass", s.secondsToPass() == null ? null : Math.round(s.secondsToPass() / 6.0) / 10.0);
            point.put("hints", s.hints());
            point.put("attempts", s.attempts());
            trend.add(point);
        }
        try {
            return new Views.InterviewList(rows, ReportFiles.JSON.writeValueAsString(trend));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Views.InterviewRow row(Scorecard s) {
        return new Views.InterviewRow(s.id(), day(s.startedAt()), s.kata(), catalogue.find(s.kata()).map(Kata::title).orElse(s.kata()),
                s.passed(), s.secondsToPass() == null ? "—" : Scorecard.clockText(s.secondsToPass()), s.hints(), s.attempts());
    }

    private Views.InterviewRow row(Practice.InterviewSummary s) {
        return new Views.InterviewRow(null, day(s.startedAt()), s.kata(), catalogue.find(s.kata()).map(Kata::title).orElse(s.kata()),
                s.passed(), s.secondsToPass() == null ? "—" : Scorecard.clockText(s.secondsToPass()), s.hints(), s.attempts());
    }

    /** "2026-12-01 09:15" from an instant's text (UTC). */
    private static String day(String instant) {
        return instant == null ? "" : instant.substring(0, Math.min(16, instant.length())).replace('T', ' ');
    }

    /** {@code /interviews/{id}}: one scorecard with the written answers next to the model answers. */
    public Optional<Views.InterviewPage> interview(String id) {
        if (id == null || !id.matches("[0-9]{8}-[0-9]{6}-[a-z0-9-]{1,80}")) return Optional.empty();
        return new PracticeLog(root).interview(id).map(s -> {
            List<Views.InterviewAnswer> answers = s.answers().stream().map(a -> new Views.InterviewAnswer(
                    markdown.toHtml(a.question()), a.written(), a.model() == null ? null : markdown.toHtml(a.model()))).toList();
            String result = switch (s.ending() == null ? "" : s.ending()) {
                case Scorecard.PASSED -> "passed";
                case Scorecard.TIME_UP -> "not passed: time ran out";
                case Scorecard.GAVE_UP -> "not passed: gave up";
                default -> s.passed() ? "passed" : "not passed";
            };
            return new Views.InterviewPage(s.id(), s.mode(), s.kata(), catalogue.find(s.kata()).map(Kata::title).orElse(s.kata()),
                    day(s.startedAt()), result, Scorecard.clockText(s.minutes() * 60L),
                    s.secondsToFirstCompile() == null ? "none" : Scorecard.clockText(s.secondsToFirstCompile()),
                    s.secondsToPass() == null ? "not passed" : Scorecard.clockText(s.secondsToPass()),
                    s.attempts(), s.hints(), s.failedChecks(), answers);
        });
    }

    /** Days in a row (UTC), ending today or yesterday, with a run that passed at least one kata. */
    int streak(long memberId) {
        java.util.Set<LocalDate> days = new java.util.HashSet<>();
        for (String d : store.passDays(memberId)) days.add(LocalDate.parse(d));
        return katagym.grader.report.Streak.days(days, LocalDate.now(ZoneOffset.UTC));
    }

    public Views.CatalogueList catalogue(String member, long memberId, String topic, String status) {
        List<Views.KataRow> rows = rows(memberId).stream()
                .filter(r -> topic == null || topic.isBlank() || r.topic().equals(topic))
                .filter(r -> status == null || status.isBlank() || r.status().equals(status))
                .toList();
        return new Views.CatalogueList(member, rows, catalogue.topics(), topic == null ? "" : topic, status == null ? "" : status, topicPages());
    }

    public Optional<Views.KataDetail> kata(String member, long memberId, String slug) {
        Optional<Kata> found = catalogue.find(slug);
        if (found.isEmpty()) return Optional.empty();
        Kata k = found.get();
        Views.KataRow row = row(memberId, k);
        // the learner of this dashboard: the only member whose hints it shows (the repository's .kata/hints.json)
        boolean local = member.equals(katagym.web.WebApp.LOCAL_MEMBER);
        var failure = store.lastFailure(memberId, slug).orElse(null);
        String fixedSince = failure != null && row.status().equals("passed") ? store.fixedSince(memberId, slug).orElse(null) : null;
        var attempts = store.gradedAttempts(memberId, slug, 50);
        List<Views.Hint> hints = new ArrayList<>();
        int shown = 0;
        if (local) {
            for (String h : hints(k)) hints.add(h.startsWith(HintStore.DERIVATION_HINT) ? new Views.Hint(DERIVATION_HINT_TEXT, true) : new Views.Hint(h, false));
            shown = Math.min(hintStore.shown(slug), hints.size());
        }
        return Optional.of(new Views.KataDetail(member, local, row, statementHtml(k), hints, shown, k.stubPath(), failure, fixedSince,
                failure == null || failure.seed() == null ? null : Replay.cli(slug, failure.seed()),
                failure == null || failure.seed() == null ? null : Replay.maven(slug, failure.seed()),
                json(attempts), attempts.size(), null, ""));
    }

    static final String DERIVATION_HINT_TEXT = "The last hint is the answer: the statement's Derivation section.";

    /** The kata's hints in the order {@code ./kata hint} reveals them (the Derivation last). */
    private List<String> hints(Kata k) {
        return hintLists.computeIfAbsent(k.slug(), s -> HintStore.hints(k, statementText(k)));
    }

    /**
     * Reveals the local learner's next hint of a kata in the store {@code ./kata hint} shares; returns
     * how many of how many are shown now, or empty for an unknown kata.
     */
    public Optional<int[]> revealHint(String slug) {
        return catalogue.find(slug).map(k -> {
            int total = hints(k).size();
            return new int[] {hintStore.revealNext(slug, total), total};
        });
    }

    private Views.KataRow row(long memberId, Kata k) {
        String status = store.latestStatuses(memberId).getOrDefault(k.slug(), "pending");
        return new Views.KataRow(k.order(), k.slug(), k.title(), k.topic(), k.difficulty(), status);
    }

    private static String json(Object value) {
        try {
            return ReportFiles.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String statementHtml(Kata k) {
        return statementHtml.computeIfAbsent(k.slug(), s -> statementHtml(statementText(k)));
    }

    /**
     * The statement as HTML, its {@code ## Derivation} section (the answers) inside a closed
     * {@code <details>} element where it stands, so a learner opens it only when they want it.
     */
    String statementHtml(String markdownText) {
        Statement st = Statement.parse(markdownText);
        if (st.derivation().isEmpty()) return markdown.toHtml(markdownText);
        return markdown.toHtml(st.before())
                + "<details class=\"derivation\" id=\"derivation\"><summary>Derivation (the answer: try it yourself first)</summary>\n"
                + markdown.toHtml(st.derivation().get()) + "</details>\n"
                + markdown.toHtml(st.after());
    }

    /** The topic pages in the project tree, by name, sorted (none when the tree is not there or cannot be listed). */
    List<String> topicPages() {
        try {
            return katagym.grader.catalogue.TopicPages.names(root);
        } catch (java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /** A topic page (katas/src/main/resources/topics/NAME.md): curriculum points no kata answers. */
    public Optional<Views.TopicPage> topicPage(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) return Optional.empty();
        String resource = "topics/" + name + ".md";
        Path file = root.resolve("katas/src/main/resources").resolve(resource);
        try {
            String text = null;
            if (Files.isRegularFile(file)) text = Files.readString(file, StandardCharsets.UTF_8);
            else try (var in = Dashboard.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (text == null) return Optional.empty();
            String title = text.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2).strip()).orElse(name);
            return Optional.of(new Views.TopicPage(name, title, markdown.toHtml(text)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String statementText(Kata k) {
        Path file = root.resolve(k.statementPath());
        try {
            if (Files.exists(file)) return Files.readString(file, StandardCharsets.UTF_8);
            try (var in = Dashboard.class.getClassLoader().getResourceAsStream(k.statementResource())) {
                if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "*The statement could not be read: " + e.getMessage() + "*";
        }
        return "*No statement found at " + k.statementPath() + ".*";
    }

    /** The group page: members x katas, leaderboard, completion per topic, activity over 30 days. */
    public Optional<Views.GroupMatrix> group(katagym.web.store.GroupStore groups, String name) {
        List<Object> stamp = new ArrayList<>();
        stamp.add(groups.version());
        stamp.add(LocalDate.now(ZoneOffset.UTC)); // the activity chart covers the last 30 days
        for (long id : groups.memberIds(name)) stamp.add(List.of(id, store.version(id)));
        return cache.get("group:" + name, stamp, () -> groupMatrix(groups, name));
    }

    private Optional<Views.GroupMatrix> groupMatrix(katagym.web.store.GroupStore groups, String name) {
        if (groups.find(name).isEmpty()) return Optional.empty();
        Map<String, Map<String, String>> statuses = groups.statuses(name);
        List<String> members = new ArrayList<>(statuses.keySet());
        Map<String, List<Views.KataCells>> byTopic = new LinkedHashMap<>();
        for (String t : catalogue.topics()) byTopic.put(t, new ArrayList<>());
        Map<String, int[]> solvedByTopic = new LinkedHashMap<>();
        for (Kata k : catalogue.katas()) {
            List<Views.Cell> cells = new ArrayList<>();
            int[] t = solvedByTopic.computeIfAbsent(k.topic(), x -> new int[2]);
            for (String m : members) {
                String status = statuses.get(m).getOrDefault(k.slug(), "pending");
                cells.add(new Views.Cell(m, k.slug(), k.title(), status));
                t[1]++;
                if (status.equals("passed")) t[0]++;
            }
            byTopic.computeIfAbsent(k.topic(), x -> new ArrayList<>())
                    .add(new Views.KataCells(new Views.KataRow(k.order(), k.slug(), k.title(), k.topic(), k.difficulty(), ""), cells));
        }
        List<Views.TopicRows> topicRows = new ArrayList<>();
        byTopic.forEach((t, katas) -> { if (!katas.isEmpty()) topicRows.add(new Views.TopicRows(t, katas)); });
        List<Views.TopicProgress> topics = new ArrayList<>();
        for (String t : catalogue.topics()) {
            int[] c = solvedByTopic.getOrDefault(t, new int[2]);
            topics.add(new Views.TopicProgress(t, c[0], c[1]));
        }
        List<katagym.web.store.GroupStore.DayCount> days = everyDay(groups.activity(name, ACTIVITY_DAYS), ACTIVITY_DAYS);
        int runs = days.stream().mapToInt(katagym.web.store.GroupStore.DayCount::runs).sum();
        int active = (int) days.stream().filter(d -> d.runs() > 0).count();
        // each member's practice (latest scorecards, overdue reviews), as their last upload that carried one reported it
        List<Views.MemberPractice> practice = new ArrayList<>();
        for (String m : members) {
            groups.memberId(name, m).flatMap(store::practice).ifPresent(p -> practice.add(new Views.MemberPractice(m,
                    p.interviews().stream().map(this::row).toList(),
                    p.overdue().stream().map(o -> dueReview(o.kata(), o.daysOverdue())).toList())));
        }
        return Optional.of(new Views.GroupMatrix(name, members, topicRows, groups.leaderboard(name), topics, json(days), active, runs, practice));
    }

    static final int ACTIVITY_DAYS = 30;

    /** One entry per day of the last {@code n} days (UTC), oldest first, zero where nothing was uploaded: the chart shows quiet days too. */
    static List<katagym.web.store.GroupStore.DayCount> everyDay(List<katagym.web.store.GroupStore.DayCount> counted, int n) {
        Map<String, Integer> byDay = new java.util.HashMap<>();
        for (var d : counted) byDay.merge(d.day(), d.runs(), Integer::sum);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<katagym.web.store.GroupStore.DayCount> out = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            String day = today.minusDays(i).toString();
            out.add(new katagym.web.store.GroupStore.DayCount(day, byDay.getOrDefault(day, 0)));
        }
        return out;
    }

    /**
     * The {@code /groups} list. A group's member names are shown only where {@code mayRead} says the
     * reader may open the group itself (a private group's members stay unnamed to strangers).
     */
    public Views.GroupList groupList(katagym.web.store.GroupStore groups,
                                     java.util.function.Predicate<katagym.web.store.GroupStore.Group> mayRead) {
        List<Views.GroupLine> lines = new ArrayList<>();
        for (var g : groups.summaries()) {
            lines.add(new Views.GroupLine(g.group().name(), g.memberCount(), g.lastActivity(),
                    mayRead.test(g.group()) ? groups.members(g.group().name()) : List.of()));
        }
        return new Views.GroupList(lines);
    }

    /** {@code GET /api/progress}: totals, per topic, and every kata's status. */
    public Map<String, Object> progressJson(String member, long memberId) {
        return cache.get("progress:" + memberId, memberStamp(memberId), () -> progress(member, memberId));
    }

    private Map<String, Object> progress(String member, long memberId) {
        List<Views.KataRow> rows = rows(memberId);
        Views.Overview o = overview(member, memberId, rows);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("member", member);
        out.put("solved", o.solved());
        out.put("total", o.total());
        out.put("streak", o.streak());
        out.put("next", o.next() == null ? null : o.next().slug());
        out.put("topics", o.topics());
        out.put("katas", rows.stream().map(r -> Map.of("slug", r.slug(), "topic", r.topic(), "status", r.status())).toList());
        return out;
    }

    /** {@code GET /api/katas/{slug}}: the kata, its status, hints, last failure and attempts (pending results included, as before). */
    public Optional<Map<String, Object>> kataJson(String member, long memberId, String slug) {
        return catalogue.find(slug).map(k -> {
            Views.KataRow row = row(memberId, k);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("slug", row.slug());
            out.put("title", row.title());
            out.put("topic", row.topic());
            out.put("difficulty", row.difficulty());
            out.put("status", row.status());
            out.put("stubPath", k.stubPath());
            out.put("hints", k.hints());
            out.put("lastFailure", store.lastFailure(memberId, slug).orElse(null));
            out.put("attempts", store.attempts(memberId, slug, 50));
            return out;
        });
    }
}
