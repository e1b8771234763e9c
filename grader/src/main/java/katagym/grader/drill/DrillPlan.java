package katagym.grader.drill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import katagym.grader.practice.SpacedSchedule;

/**
 * Which drills to ask, from the learner's answers and the clock: the spaced schedule
 * ({@link SpacedSchedule}, a correct answer counting as a clean attempt) decides when an answered drill
 * comes back; never answered and last answered wrong come first.
 */
public final class DrillPlan {
    private final Map<String, List<DrillLog.Answer>> byDrill = new HashMap<>();
    private final Instant now;

    public DrillPlan(List<DrillLog.Answer> answers, Instant now) {
        for (DrillLog.Answer a : answers) byDrill.computeIfAbsent(a.drill(), k -> new ArrayList<>()).add(a);
        this.now = now;
    }

    public List<DrillLog.Answer> answers(Drill d) { return byDrill.getOrDefault(d.id(), List.of()); }

    /** The drill's place on the schedule; empty until it is first answered correctly. */
    public Optional<SpacedSchedule.State> state(Drill d) { return state(d.id()); }

    private Optional<SpacedSchedule.State> state(String id) {
        return SpacedSchedule.after(byDrill.getOrDefault(id, List.of()).stream().map(a -> new SpacedSchedule.Attempt(a.at(), a.correct())).toList());
    }

    public boolean isDue(Drill d) { return isDue(d.id()); }

    private boolean isDue(String id) { return state(id).map(s -> s.isDue(now)).orElse(false); }

    /** How many of the drills ever answered are due now (by the answers alone, without loading the drill data). */
    public int dueCount() { return (int) byDrill.keySet().stream().filter(this::isDue).count(); }

    /** Never answered, or answered wrong the last time. */
    public boolean isOpen(Drill d) {
        DrillLog.Answer last = null;
        for (DrillLog.Answer a : answers(d)) {
            if (last == null || !a.at().isBefore(last.at())) last = a; // the log's order settles answers at the same instant
        }
        return last == null || !last.correct();
    }

    /** The drills the schedule says are due, most overdue first. */
    public List<Drill> due(List<Drill> pool) {
        return pool.stream().filter(this::isDue).sorted(Comparator.comparing(d -> state(d).orElseThrow().due())).toList();
    }

    /**
     * Up to {@code count} drills of {@code pool}: never answered or last answered wrong first (in the
     * data's order), then the due ones (most overdue first), then the rest (the soonest due first).
     */
    public List<Drill> pick(List<Drill> pool, int count) {
        List<Drill> open = pool.stream().filter(this::isOpen).toList();
        List<Drill> due = due(pool).stream().filter(d -> !isOpen(d)).toList();
        List<Drill> rest = pool.stream().filter(d -> !isOpen(d) && !isDue(d))
                .sorted(Comparator.comparing(d -> state(d).map(SpacedSchedule.State::due).orElse(Instant.MAX))).toList();
        List<Drill> out = new ArrayList<>();
        for (List<Drill> group : List.of(open, due, rest)) {
            for (Drill d : group) if (out.size() < count) out.add(d);
        }
        return out;
    }

    /** When the next of {@code pool} comes due, if any is scheduled. */
    public Optional<Instant> nextDue(List<Drill> pool) {
        return pool.stream().map(this::state).flatMap(Optional::stream).map(SpacedSchedule.State::due).min(Comparator.naturalOrder());
    }

    /** A topic's figures: its drills, how many were ever answered, right answers out of all answers, and how many are due. */
    public record TopicStats(String topic, int drills, int answered, int correctAnswers, int answers, int due) {
        /** Share of answers that were right, in percent (0 with no answers). */
        public int accuracy() { return answers == 0 ? 0 : Math.round(100f * correctAnswers / answers); }
    }

    public TopicStats stats(String topic, List<Drill> drills) {
        int answered = 0, right = 0, all = 0, due = 0;
        for (Drill d : drills) {
            List<DrillLog.Answer> as = answers(d);
            if (!as.isEmpty()) answered++;
            all += as.size();
            right += (int) as.stream().filter(DrillLog.Answer::correct).count();
            if (isDue(d)) due++;
        }
        return new TopicStats(topic, drills.size(), answered, right, all, due);
    }
}
