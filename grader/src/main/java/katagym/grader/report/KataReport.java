package katagym.grader.report;

import java.util.List;

/** One kata's verdict in a run, with every check. */
public record KataReport(String slug, String topic, String title, Status status, long durationMs, List<CheckReport> checks) {

    /** The first failed check, for summaries. */
    public CheckReport firstFailure() {
        return checks.stream().filter(c -> c.status() == Status.FAILED).findFirst().orElse(null);
    }
}
