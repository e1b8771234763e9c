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

    public record Overview(String member, int solved, int total, List<TopicProgress> topics, KataRow next,
                           List<ReportStore.RunSummary> recent, int streak, DueForReview due) {
        public int percent() { return total == 0 ? 0 : Math.round(100f * solved / total); }
    }

    public record CatalogueList(String member, List<KataRow> rows, List<String> topics, String topic, String status,
                                List<String> topicPages) {}

    /** A cell of the group matrix: a member's status on a kata. */
    public record Cell(String member, String slug, String title, String status) {}

    public record GroupMatrix(String name, List<KataRow> katas, List<MemberRow> rows,
                              List<katagym.web.store.GroupStore.MemberProgress> leaderboard,
                              List<TopicProgress> topics, String activityJson, List<MemberPractice> practice) {}

    public record MemberRow(String member, int solved, List<Cell> cells) {}

    public record Admin(List<katagym.web.store.GroupStore.Group> groups, java.util.Map<String, List<String>> members,
                        String message, String newToken) {}

    public record KataDetail(String member, KataRow kata, String statementHtml, List<String> hints, String stubPath,
                             ReportStore.Failure lastFailure, String replayCli, String replayMaven,
                             String attemptsJson, int attemptCount) {}

    /** A topic page: curriculum points no kata answers, rendered from katas/src/main/resources/topics/NAME.md. */
    public record TopicPage(String name, String title, String html) {}

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
