package katagym.web.pages;

import java.util.List;
import katagym.web.store.ReportStore;

/** The models the templates render: plain records, built by {@link Dashboard}. */
public final class Views {
    private Views() {}

    public record TopicProgress(String topic, int solved, int total) {
        public int percent() { return total == 0 ? 0 : Math.round(100f * solved / total); }
    }

    public record KataRow(int order, String slug, String title, String topic, String difficulty, String status) {}

    /** A kata whose latest verdict is failed, with the check shown first and when it failed. */
    public record Failing(KataRow kata, String check, String kind, String failedAt) {}

    /**
     * The overview. {@code next} is the first kata not passed (what {@code ./kata next} names);
     * {@code nextNew} the first not yet tried, which the "Next" card shows beside "Failing now".
     */
    public record Overview(String member, int solved, int total, List<TopicProgress> topics, KataRow next,
                           List<ReportStore.RunSummary> recent, int streak, List<Failing> failing, KataRow nextNew,
                           DueForReview due, String memberQuery) {
        public int percent() { return total == 0 ? 0 : Math.round(100f * solved / total); }
        /** The same overview whose links name its member with {@code query} ("?group=G&member=M"; "" for the local learner). */
        public Overview withMemberQuery(String query) {
            return new Overview(member, solved, total, topics, next, recent, streak, failing, nextNew, due, query);
        }
    }

    public record CatalogueList(String member, List<KataRow> rows, List<String> topics, String topic, String status,
                                List<String> topicPages) {}

    /** A cell of the group matrix: a member's status on a kata. */
    public record Cell(String member, String slug, String title, String status) {}

    /**
     * The group page. The matrix has a row per kata, grouped by topic, and a column per member: a
     * group has a few members and the catalogue some seventy katas, so every kata title reads in full.
     */
    public record GroupMatrix(String name, List<String> members, List<TopicRows> topicRows,
                              List<katagym.web.store.GroupStore.MemberProgress> leaderboard,
                              List<TopicProgress> topics, String activityJson, int activeDays, int runs,
                              List<MemberPractice> practice) {
        public boolean empty() { return members.isEmpty(); }
    }

    /** A topic's katas in the group matrix: one row per kata, a cell per member. */
    public record TopicRows(String topic, List<KataCells> katas) {}

    public record KataCells(KataRow kata, List<Cell> cells) {}

    /** A line of the {@code /groups} list; {@code members} is empty when the group's details are not shown. */
    public record GroupLine(String name, int memberCount, String lastActivity, List<String> members) {}

    public record GroupList(List<GroupLine> groups) {}

    /** The admin page; {@code csrf} goes into each of its forms. */
    public record Admin(List<katagym.web.store.GroupStore.Group> groups, java.util.Map<String, List<String>> members,
                        String message, String newToken, String csrf) {}

    /** The admin login form. */
    public record Login(String message, String csrf) {}

    /** A private group's sign-in form: the group's name, never its members. */
    public record GroupSignIn(String group, String message, String csrf) {}

    /**
     * The kata page. {@code local} is the learner's own page (hints can be revealed); otherwise it is a
     * group member's drill-down, which names the member. {@code lastFailure} is shown open only while
     * the kata fails; {@code fixedSince} is when it first passed after that failure.
     */
    public record KataDetail(String member, boolean local, KataRow kata, String statementHtml, List<Hint> hints, int hintsShown,
                             String stubPath, ReportStore.Failure lastFailure, String fixedSince, String replayCli, String replayMaven,
                             String attemptsJson, int attemptCount, String csrfToken, String memberQuery) {
        public boolean failing() { return kata.status().equals("failed"); }
        /** "alice's" for a member's drill-down, "Your" on the learner's own page. */
        public String whose() { return local ? "Your" : member + "'s"; }
        public KataDetail withCsrfToken(String token) {
            return new KataDetail(member, local, kata, statementHtml, hints, hintsShown, stubPath, lastFailure, fixedSince,
                    replayCli, replayMaven, attemptsJson, attemptCount, token, memberQuery);
        }
        /** The same page whose links name its member with {@code query} ("?group=G&member=M"). */
        public KataDetail withMemberQuery(String query) {
            return new KataDetail(member, local, kata, statementHtml, hints, hintsShown, stubPath, lastFailure, fixedSince,
                    replayCli, replayMaven, attemptsJson, attemptCount, csrfToken, query);
        }
    }

    /** A hint as the kata page shows it; the last one of a kata with a Derivation points at that section. */
    public record Hint(String text, boolean derivation) {}

    /** A topic page: curriculum points no kata answers, rendered from katas/src/main/resources/topics/NAME.md. */
    public record TopicPage(String name, String title, String html) {}

    private static final java.time.format.DateTimeFormatter READABLE_UTC =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    /**
     * An ISO instant as people read it, "2 Dec 2026, 07:40 UTC": what a {@code <time>} element shows
     * until time.js rewrites it in the viewer's time zone (and as "3 hours ago"). Text that is not an
     * instant is shown as it came.
     */
    public static String readable(String iso) {
        if (iso == null) return "";
        try {
            return READABLE_UTC.format(java.time.Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** A solved kata due for review, and by how many whole days. */
    public record DueReview(String slug, String title, long daysOverdue) {
        public String when() { return katagym.grader.practice.DueItems.overdue(daysOverdue); }
    }

    /** The overview's "Due for review": katas most overdue first, and how many drills are due. */
    public record DueForReview(List<DueReview> katas, int drillsDue) {
        public boolean isEmpty() { return katas.isEmpty() && drillsDue == 0; }
    }

    /** A member's practice on the group page, from their latest upload that carried one. */
    public record MemberPractice(String member, List<InterviewRow> interviews, List<DueReview> overdue) {}

    /** One interview in a list: the date (UTC), the kata, passed or not, time to pass (mm:ss, or "—"). */
    public record InterviewRow(String id, String date, String kata, String title, boolean passed, String timeToPass,
                               int hints, int attempts) {}

    public record InterviewList(List<InterviewRow> rows, String trendJson) {}

    /**
     * A follow-up question (markdown rendered, typeset), the learner's written answer (user text: escaped,
     * never typeset) and the model answer (markdown rendered, typeset; null when the answers file has none).
     */
    public record InterviewAnswer(String questionHtml, String written, String modelHtml) {}

    public record InterviewPage(String id, String mode, String kata, String title, String date, String result, String timeBox,
                                String firstCompile, String timeToPass, int attempts, int hints,
                                List<katagym.grader.practice.Scorecard.FailedCheck> failedChecks, List<InterviewAnswer> answers) {}
}
