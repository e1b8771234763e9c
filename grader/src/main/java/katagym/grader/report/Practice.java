package katagym.grader.report;

import java.util.List;

/**
 * A member's practice, carried by an uploaded report (optional: reports without it stay valid) so the
 * group page can show it: the latest interview scorecards, newest first, and the reviews overdue now.
 */
public record Practice(List<InterviewSummary> interviews, List<OverdueReview> overdue) {
    /** The most scorecards a report carries. */
    public static final int MAX_INTERVIEWS = 5;

    /** One interview's scorecard in brief; {@code secondsToPass} is null when it did not pass. */
    public record InterviewSummary(String kata, String startedAt, boolean passed, Long secondsToPass, int hints, int attempts) {}

    /** A solved kata due for review, and by how many whole days. */
    public record OverdueReview(String kata, long daysOverdue) {}
}
