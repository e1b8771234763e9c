package katagym.grader.practice;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.report.Practice;

/** The practice summary an upload carries, read from {@code .kata/}: the latest scorecards and what is overdue. */
public final class PracticeSummaries {
    private PracticeSummaries() {}

    /** Null when the learner has neither an interview nor a review due: the report then has no practice field. */
    public static Practice of(Path root, Catalogue catalogue, Instant now) {
        List<Scorecard> all = new PracticeLog(root).interviews();
        List<Practice.InterviewSummary> latest = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && latest.size() < Practice.MAX_INTERVIEWS; i--) {
            Scorecard s = all.get(i);
            if (catalogue.find(s.kata()).isEmpty()) continue; // a kata since removed from the catalogue
            latest.add(new Practice.InterviewSummary(s.kata(), s.startedAt(), s.passed(), s.secondsToPass(), s.hints(), s.attempts()));
        }
        List<Practice.OverdueReview> overdue = DueItems.read(root, catalogue, now).dueKatas().stream()
                .map(d -> new Practice.OverdueReview(d.slug(), d.daysOverdue())).toList();
        if (latest.isEmpty() && overdue.isEmpty()) return null;
        return new Practice(latest, overdue);
    }
}
