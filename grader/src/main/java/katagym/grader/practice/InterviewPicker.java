package katagym.grader.practice;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.Status;

/**
 * Which kata a mock interview hands out: one the learner has not mastered, the weakest first.
 * <ol>
 *   <li>katas failing now (their latest grading failed);</li>
 *   <li>unsolved katas in a weak topic: a topic with a failing kata or an interview or review not passed;</li>
 *   <li>katas never solved;</li>
 *   <li>solved katas never passed cleanly (in time, without hints) in an interview or review.</li>
 * </ol>
 * Solved katas with a clean interview or review are mastered and not picked. Within a tier, difficulty
 * rises (easy, medium, hard), then catalogue order.
 */
public final class InterviewPicker {
    private static final List<String> DIFFICULTY = List.of("easy", "medium", "hard");

    private InterviewPicker() {}

    /**
     * The candidates in the order above.
     *
     * @param latest     each kata's latest status in the learner's history (absent: never graded)
     * @param sessions   past interviews and reviews
     * @param topic      only this topic, or null
     * @param difficulty only this difficulty, or null
     */
    public static List<Kata> ranked(Catalogue catalogue, Map<String, Status> latest, List<Scorecard> sessions,
                                    String topic, String difficulty) {
        Set<String> weakTopics = new HashSet<>();
        Set<String> mastered = new HashSet<>();
        for (Kata k : catalogue.katas()) if (latest.get(k.slug()) == Status.FAILED) weakTopics.add(k.topic());
        for (Scorecard s : sessions) {
            if (!s.passed() && s.topic() != null) weakTopics.add(s.topic());
            if (s.clean()) mastered.add(s.kata());
        }
        return catalogue.katas().stream()
                .filter(k -> topic == null || k.topic().equals(topic))
                .filter(k -> difficulty == null || k.difficulty().equals(difficulty))
                .filter(k -> tier(k, latest, weakTopics, mastered) < 4)
                .sorted(Comparator.<Kata>comparingInt(k -> tier(k, latest, weakTopics, mastered))
                        .thenComparingInt(k -> DIFFICULTY.indexOf(k.difficulty()))
                        .thenComparingInt(Kata::order))
                .toList();
    }

    public static Optional<Kata> pick(Catalogue catalogue, Map<String, Status> latest, List<Scorecard> sessions,
                                      String topic, String difficulty) {
        return ranked(catalogue, latest, sessions, topic, difficulty).stream().findFirst();
    }

    /** 0 failing, 1 unsolved in a weak topic, 2 never solved, 3 solved but no clean session, 4 mastered. */
    static int tier(Kata k, Map<String, Status> latest, Set<String> weakTopics, Set<String> mastered) {
        Status s = latest.get(k.slug());
        if (s == Status.FAILED) return 0;
        if (s != Status.PASSED) return weakTopics.contains(k.topic()) ? 1 : 2;
        return mastered.contains(k.slug()) ? 4 : 3;
    }
}
