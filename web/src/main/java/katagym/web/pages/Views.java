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
                           List<ReportStore.RunSummary> recent, int streak) {
        public int percent() { return total == 0 ? 0 : Math.round(100f * solved / total); }
    }

    public record CatalogueList(String member, List<KataRow> rows, List<String> topics, String topic, String status,
                                List<String> topicPages) {}

    /** A cell of the group matrix: a member's status on a kata. */
    public record Cell(String member, String slug, String title, String status) {}

    public record GroupMatrix(String name, List<KataRow> katas, List<MemberRow> rows,
                              List<katagym.web.store.GroupStore.MemberProgress> leaderboard,
                              List<TopicProgress> topics, String activityJson) {}

    public record MemberRow(String member, int solved, List<Cell> cells) {}

    /** The admin page; {@code csrf} goes into each of its forms. */
    public record Admin(List<katagym.web.store.GroupStore.Group> groups, java.util.Map<String, List<String>> members,
                        String message, String newToken, String csrf) {}

    /** The admin login form. */
    public record Login(String message, String csrf) {}

    /** A private group's sign-in form: the group's name, never its members. */
    public record GroupSignIn(String group, String message, String csrf) {}

    public record KataDetail(String member, KataRow kata, String statementHtml, List<String> hints, String stubPath,
                             ReportStore.Failure lastFailure, String replayCli, String replayMaven,
                             String attemptsJson, int attemptCount) {}

    /** A topic page: curriculum points no kata answers, rendered from katas/src/main/resources/topics/NAME.md. */
    public record TopicPage(String name, String title, String html) {}
}
