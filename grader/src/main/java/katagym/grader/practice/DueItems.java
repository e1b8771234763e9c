package katagym.grader.practice;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import katagym.grader.drill.DrillLog;
import katagym.grader.drill.DrillPlan;
import katagym.grader.report.KataReport;
import katagym.grader.report.Report;
import katagym.grader.report.ReportFiles;
import katagym.grader.report.Status;

/**
 * What is due for review at an instant, read from {@code .kata/}: each solved kata's schedule
 * ({@link SpacedSchedule}) from its first pass in {@code history.jsonl} (a clean attempt) and each review
 * session in {@code reviews.jsonl} (clean when passed within the time box without hints); and, when
 * {@code drills.jsonl} exists, how many drills are due ({@link DrillPlan}: the same schedule, a correct answer clean).
 * {@code ./kata next}, {@code ./kata review}, the report's practice summary and the dashboard all read it here.
 */
public final class DueItems {
    /** A solved kata's place on the schedule. */
    public record DueKata(String slug, Instant due, long daysOverdue, int step) {}

    private final Instant now;
    private final List<DueKata> due;
    private final List<DueKata> upcoming;
    private final int drillsDue;

    private DueItems(Instant now, List<DueKata> due, List<DueKata> upcoming, int drillsDue) {
        this.now = now;
        this.due = due;
        this.upcoming = upcoming;
        this.drillsDue = drillsDue;
    }

    public static DueItems read(Path root, Catalogue catalogue, Instant now) {
        return of(catalogue, new ReportFiles(root).readHistory(), new PracticeLog(root).reviews(),
                new DrillLog(root).read(), now);
    }

    static DueItems of(Catalogue catalogue, List<Report> history, List<Scorecard> reviews, List<DrillLog.Answer> drills, Instant now) {
        Map<String, List<SpacedSchedule.Attempt>> attempts = new LinkedHashMap<>();
        for (Report r : history) {
            Instant at = instant(r.generatedAt());
            if (at == null) continue;
            for (KataReport k : r.katas()) {
                if (k.status() == Status.PASSED && !attempts.containsKey(k.slug())) {
                    attempts.computeIfAbsent(k.slug(), s -> new ArrayList<>()).add(new SpacedSchedule.Attempt(at, true));
                }
            }
        }
        for (Scorecard s : reviews) {
            Instant at = instant(s.endedAt());
            if (at != null && attempts.containsKey(s.kata())) attempts.get(s.kata()).add(new SpacedSchedule.Attempt(at, s.clean()));
        }
        List<DueKata> due = new ArrayList<>();
        List<DueKata> upcoming = new ArrayList<>();
        for (Kata k : catalogue.katas()) {
            List<SpacedSchedule.Attempt> a = attempts.get(k.slug());
            if (a == null) continue;
            SpacedSchedule.after(a).ifPresent(state -> {
                DueKata d = new DueKata(k.slug(), state.due(), state.daysOverdue(now), state.step());
                (state.isDue(now) ? due : upcoming).add(d);
            });
        }
        due.sort(Comparator.comparing(DueKata::due)); // most overdue first
        upcoming.sort(Comparator.comparing(DueKata::due));
        return new DueItems(now, List.copyOf(due), List.copyOf(upcoming), new DrillPlan(drills, now).dueCount());
    }

    private static Instant instant(String text) {
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public Instant now() { return now; }

    /** The katas due now, most overdue first. */
    public List<DueKata> dueKatas() { return due; }

    /** Solved katas not due yet, soonest first. */
    public List<DueKata> upcoming() { return upcoming; }

    public int drillsDue() { return drillsDue; }

    public boolean isEmpty() { return due.isEmpty() && drillsDue == 0; }

    /** "2 days overdue", "1 day overdue", "due today". */
    public static String overdue(long days) {
        return days == 0 ? "due today" : days + (days == 1 ? " day" : " days") + " overdue";
    }

    /**
     * One line for {@code ./kata next}: {@code Due for review: softmax (2 days overdue), sigmoid (due today).
     * 3 drills due: ./kata drill --due}; empty when nothing is due.
     */
    public String summaryLine() {
        List<String> parts = new ArrayList<>();
        if (!due.isEmpty()) {
            parts.add("Due for review: " + String.join(", ", due.stream().map(d -> d.slug() + " (" + overdue(d.daysOverdue()) + ")").toList())
                    + " — ./kata review");
        }
        if (drillsDue > 0) parts.add(drillsDue + (drillsDue == 1 ? " drill" : " drills") + " due: ./kata drill --due");
        return String.join(". ", parts);
    }
}
