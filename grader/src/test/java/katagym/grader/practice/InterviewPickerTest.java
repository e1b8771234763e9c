package katagym.grader.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.Status;
import org.junit.jupiter.api.Test;

class InterviewPickerTest {
    private static final Catalogue C = Catalogue.standard();

    private static Scorecard interview(String slug, boolean passed, int hints) {
        Kata k = C.get(slug);
        return new Scorecard(1, "i", Scorecard.INTERVIEW, slug, k.topic(), k.difficulty(), "2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z",
                45, passed ? 60L : null, passed ? 600L : null, passed, passed ? Scorecard.PASSED : Scorecard.GAVE_UP, 2, hints, List.of(), List.of(), "w");
    }

    private static List<String> ranked(Map<String, Status> latest, List<Scorecard> sessions, String topic, String difficulty) {
        return InterviewPicker.ranked(C, latest, sessions, topic, difficulty).stream().map(Kata::slug).toList();
    }

    @Test
    void failingKatasComeFirstThenUnsolvedOnesInAWeakTopicThenTheRestByRisingDifficulty() {
        String failing = "softmax";
        Kata f = C.get(failing);
        List<String> order = ranked(Map.of(failing, Status.FAILED), List.of(), null, null);
        assertThat(order.get(0)).isEqualTo(failing);
        // next: the unsolved katas of the failing kata's topic, easiest first
        List<Kata> sameTopic = C.katas().stream().filter(k -> k.topic().equals(f.topic()) && !k.slug().equals(failing)).toList();
        assertThat(order.subList(1, 1 + sameTopic.size())).containsExactlyInAnyOrderElementsOf(sameTopic.stream().map(Kata::slug).toList());
        List<String> difficulties = order.subList(1 + sameTopic.size(), order.size()).stream().map(s -> C.get(s).difficulty()).toList();
        assertThat(difficulties).as("never solved, difficulty rising").isSortedAccordingTo(
                java.util.Comparator.comparingInt(d -> List.of("easy", "medium", "hard").indexOf(d)));
    }

    @Test
    void aTopicWithAnInterviewNotPassedIsWeak() {
        List<String> order = ranked(Map.of("sigmoid", Status.PASSED), List.of(interview("sigmoid", false, 0)), null, null);
        assertThat(C.get(order.get(0)).topic()).isEqualTo("activations");
    }

    @Test
    void solvedKatasComeAfterUnsolvedOnesAndACleanInterviewMastersThem() {
        Map<String, Status> latest = Map.of("sigmoid", Status.PASSED, "tanh", Status.PASSED);
        List<String> order = ranked(latest, List.of(), "activations", null);
        assertThat(order).endsWith("sigmoid", "tanh");
        assertThat(ranked(latest, List.of(interview("sigmoid", true, 0)), "activations", null)).doesNotContain("sigmoid").endsWith("tanh");
        assertThat(ranked(latest, List.of(interview("sigmoid", true, 1)), "activations", null)).as("a hint: not mastered").contains("sigmoid");
    }

    @Test
    void topicAndDifficultyFilterTheCandidates() {
        assertThat(ranked(Map.of(), List.of(), "sorting", "hard")).allSatisfy(s -> {
            assertThat(C.get(s).topic()).isEqualTo("sorting");
            assertThat(C.get(s).difficulty()).isEqualTo("hard");
        });
    }
}
