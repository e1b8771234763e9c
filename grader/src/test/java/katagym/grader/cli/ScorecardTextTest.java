package katagym.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scorecard's written and model answers: readable in a terminal whatever their length. */
class ScorecardTextTest {
    @Test
    void aLongAnswerIsWrappedToTheScreenUnderItsLabelWithNoWordLost() {
        String model = "Because the loss can be computed exactly from the logit but not from a rounded probability. "
                .repeat(4).strip() + "\n\n   A second paragraph, indented as in the answers file.";
        String text = PracticeSession.hanging(model);
        String[] lines = ("     model answer: " + text).split("\n", -1);
        assertThat(lines.length).isGreaterThan(4);
        for (String line : lines) assertThat(line.length()).as(line).isLessThanOrEqualTo(PracticeSession.SCREEN_WIDTH);
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).satisfiesAnyOf(l -> assertThat(l).isEmpty(), l -> assertThat(l).startsWith(" ".repeat(19)).doesNotStartWith(" ".repeat(20)));
        }
        assertThat(String.join(" ", text.split("\\s+"))).isEqualTo(String.join(" ", model.strip().split("\\s+")));
        assertThat(text).contains("\n\n" + " ".repeat(19) + "A second paragraph");
    }

    @Test
    void aShortAnswerOnTwoLinesKeepsItsLines() {
        assertThat(PracticeSession.hanging("Logits let the loss use log-sum-exp:\nstable for any magnitude."))
                .isEqualTo("Logits let the loss use log-sum-exp:\n" + " ".repeat(19) + "stable for any magnitude.");
    }
}
