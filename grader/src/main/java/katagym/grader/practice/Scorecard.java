package katagym.grader.practice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The record of one timed session, an interview or a review: one line of {@code .kata/interviews.jsonl}
 * or {@code .kata/reviews.jsonl}. Times are counted from the start on the session's clock; null means
 * "never" (no save compiled, never passed).
 *
 * @param id            {@code yyyyMMdd-HHmmss-slug}: also the name of the session's workspace folder
 * @param mode          {@code interview} or {@code review}
 * @param minutes       the time box
 * @param attempts      versions of the file graded during the session (a save seen twice, or re-graded unchanged, counts once)
 * @param hints         hints revealed, each one charged
 * @param failedChecks  the checks that failed along the way, with how many gradings they failed in
 * @param answers       the follow-up questions, the learner's written answers and the model answers
 */
public record Scorecard(int schemaVersion, String id, String mode, String kata, String topic, String difficulty,
                        String startedAt, String endedAt, int minutes, Long secondsToFirstCompile, Long secondsToPass,
                        boolean passed, String ending, int attempts, int hints, List<FailedCheck> failedChecks,
                        List<Answer> answers, String workspace) {
    public static final int SCHEMA_VERSION = 1;
    public static final String INTERVIEW = "interview";
    public static final String REVIEW = "review";

    /** How a session ended: the kata passed, the clock ran out, or the learner gave up (q). */
    public static final String PASSED = "passed";
    public static final String TIME_UP = "time-up";
    public static final String GAVE_UP = "gave-up";

    public record FailedCheck(String name, int count) {}

    /** A follow-up question, the answer written during the session (user text), and the model answer (null if none yet). */
    public record Answer(String question, String written, String model) {}

    public Scorecard {
        failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** 75 seconds as {@code 01:15}; an hour and more as {@code 1:02:03}. */
    public static String clockText(long seconds) {
        long h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
    }

    /** Clean, for the review schedule: passed within the time box without a hint. */
    @JsonIgnore
    public boolean clean() {
        return passed && hints == 0 && secondsToPass != null && secondsToPass <= minutes * 60L;
    }
}
