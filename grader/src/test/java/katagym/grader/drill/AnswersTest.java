package katagym.grader.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnswersTest {
    static Drill numeric(double answer, double tolerance, String unit) {
        return new Drill("n", "attention", "attention.yaml", List.of("A1"), Drill.Kind.NUMERIC, "q", List.of(), List.of(), List.of(),
                answer, tolerance, unit, null, Map.of(), "e", "scaled-dot-product-attention");
    }

    static Drill choice(Drill.Kind kind, List<Integer> correct) {
        return new Drill("c", "peft", "peft.yaml", List.of("P3"), kind, "q", List.of("Adapters", "LoRA", "Prefix", "BitFit"), correct,
                List.of(), Double.NaN, 0, "", null, Map.of(), "e", "lora-linear");
    }

    static Drill order() {
        return new Drill("o", "attention", "attention.yaml", List.of("A4"), Drill.Kind.ORDER, "q", List.of(), List.of(),
                List.of("first", "second", "third", "fourth"), Double.NaN, 0, "", null, Map.of(), "e", "multi-head-self-attention");
    }

    @Test
    void plainScientificGroupedAndFractionalNumbersAreRead() {
        assertThat(Answers.number("1536", "")).isEqualTo(1536);
        assertThat(Answers.number(" -0.25 ", "")).isEqualTo(-0.25);
        assertThat(Answers.number("1.5e9", "")).isEqualTo(1.5e9);
        assertThat(Answers.number("1.5E-3", "")).isEqualTo(1.5e-3);
        assertThat(Answers.number("1,500,000,000", "")).isEqualTo(1.5e9);
        assertThat(Answers.number("1_500_000", "")).isEqualTo(1.5e6);
        assertThat(Answers.number("1.5 x 10^9", "")).isEqualTo(1.5e9);
        assertThat(Answers.number("1.5×10^9", "")).isEqualTo(1.5e9);
        assertThat(Answers.number("3/10", "")).isEqualTo(0.3);
        assertThat(Answers.number(".5", "")).isEqualTo(0.5);
        assertThat(Answers.number("30%", "")).isEqualTo(0.3);
    }

    @Test
    void scalesAndTheDrillsOwnUnitAreRead() {
        assertThat(Answers.number("1.5 GB", "bytes")).isEqualTo(1.5e9);
        assertThat(Answers.number("2 GiB", "bytes")).isEqualTo(2.0 * (1L << 30));
        assertThat(Answers.number("512 bytes", "bytes")).isEqualTo(512);
        assertThat(Answers.number("512 B", "bytes")).isEqualTo(512);
        assertThat(Answers.number("7B", "parameters")).isEqualTo(7e9);
        assertThat(Answers.number("7 billion params", "parameters")).isEqualTo(7e9);
        assertThat(Answers.number("65.5k", "")).isEqualTo(65_500);
        assertThat(Answers.number("2.7e8 FLOPs", "FLOPs")).isEqualTo(2.7e8);
        assertThat(Answers.number("30 %", "%")).isEqualTo(30);
    }

    @Test
    void textThatIsNotClearlyANumberIsRefusedNotGuessed() {
        for (String bad : List.of("lots", "1,5", "1.5 GB", "12 apples", "1/0", "e9", "")) {
            assertThatThrownBy(() -> new Asked(numeric(1, 0.01, "parameters"), List.of()).grade(bad))
                    .as(bad).isInstanceOf(BadAnswer.class);
        }
        assertThatThrownBy(() -> Answers.number("1,5", "")).hasMessageContaining("could not read '1,5' as a number");
    }

    @Test
    void aNumericAnswerIsRightWithinItsRelativeTolerance() {
        Asked q = new Asked(numeric(268_435_456, 0.001, "FLOPs"), List.of());
        assertThat(q.grade("268,435,456").correct()).isTrue();
        assertThat(q.grade("2.684e8").correct()).isTrue();
        assertThat(q.grade("2.68e8").correct()).isFalse(); // 0.16 % off
        assertThat(q.grade("2.68e8").given()).isEqualTo("2.68e8");
        Asked exact = new Asked(numeric(0, Drill.DEFAULT_TOLERANCE, ""), List.of());
        assertThat(exact.grade("0").correct()).isTrue();
        assertThat(exact.grade("0.001").correct()).isFalse();
    }

    @Test
    void aChoiceIsGivenByLetterOrNumber() {
        Asked q = new Asked(choice(Drill.Kind.CHOICE, List.of(1)), List.of(0, 1, 2, 3));
        assertThat(q.grade("b").correct()).isTrue();
        assertThat(q.grade("B").correct()).isTrue();
        assertThat(q.grade("2").correct()).isTrue();
        assertThat(q.grade("a").correct()).isFalse();
        assertThat(q.grade("c")).as("the option's text is recorded").isEqualTo(new Asked.Graded(false, "Prefix"));
        assertThatThrownBy(() -> q.grade("a c")).isInstanceOf(BadAnswer.class).hasMessageContaining("one option");
        assertThatThrownBy(() -> q.grade("e")).isInstanceOf(BadAnswer.class).hasMessageContaining("no option 'e'");
        assertThatThrownBy(() -> q.grade("9")).isInstanceOf(BadAnswer.class);
        assertThatThrownBy(() -> q.grade("b!")).isInstanceOf(BadAnswer.class);
    }

    @Test
    void shuffledOptionsAreGradedByWhatEachLabelShows() {
        // shown: a) BitFit b) Prefix c) Adapters d) LoRA
        Asked one = new Asked(choice(Drill.Kind.CHOICE, List.of(1)), List.of(3, 2, 0, 1));
        assertThat(one.grade("d")).isEqualTo(new Asked.Graded(true, "LoRA"));
        assertThat(one.grade("b").correct()).isFalse();
        assertThat(one.answerText()).isEqualTo("d) LoRA");
        Asked many = new Asked(choice(Drill.Kind.MULTIPLE, List.of(0, 2)), List.of(3, 2, 0, 1));
        assertThat(many.grade("b,c")).isEqualTo(new Asked.Graded(true, "Adapters; Prefix"));
        assertThat(many.grade("a,c").correct()).isFalse();
        assertThat(many.answerText()).isEqualTo("b) Prefix; c) Adapters");
    }

    @Test
    void theRightOptionIsNotAlwaysShownInThePlaceTheDataWritesIt() {
        java.util.Set<Integer> places = new java.util.HashSet<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 40; i++) places.add(Asked.of(choice(Drill.Kind.CHOICE, List.of(0)), random).shown().indexOf(0));
        assertThat(places).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void multipleChoicesAreASetInAnyOrderAndNotation() {
        Asked q = new Asked(choice(Drill.Kind.MULTIPLE, List.of(0, 2)), List.of(0, 1, 2, 3));
        for (String right : List.of("a,c", "c a", "1 3", "A, C", "3;1", "a c a")) {
            assertThat(q.grade(right)).as(right).isEqualTo(new Asked.Graded(true, "Adapters; Prefix"));
        }
        assertThat(q.grade("a").correct()).isFalse();
        assertThat(q.grade("a,b,c").correct()).isFalse();
        assertThatThrownBy(() -> q.grade("a,z")).isInstanceOf(BadAnswer.class);
    }

    @Test
    void anOrderIsThePermutationOfTheShownLabels() {
        // shown: a) third, b) first, c) fourth, d) second
        Asked q = new Asked(order(), List.of(2, 0, 3, 1));
        assertThat(q.shownChoices()).containsExactly("third", "first", "fourth", "second");
        assertThat(q.grade("b d a c")).isEqualTo(new Asked.Graded(true, "first > second > third > fourth"));
        assertThat(q.grade("2,4,1,3").correct()).isTrue();
        assertThat(q.grade("b > d > a > c").correct()).isTrue();
        assertThat(q.grade("a b c d").correct()).isFalse();
        assertThat(q.answerText()).isEqualTo("b d a c: first > second > third > fourth");
        assertThatThrownBy(() -> q.grade("b d a")).isInstanceOf(BadAnswer.class).hasMessageContaining("every label once");
        assertThatThrownBy(() -> q.grade("b d a a")).isInstanceOf(BadAnswer.class);
    }

    @Test
    void anOrderDrillIsNeverShownInItsAnswersOrder() {
        for (long seed = 0; seed < 200; seed++) {
            Asked q = Asked.of(order(), new Random(seed));
            assertThat(q.shown()).as("seed " + seed).containsExactlyInAnyOrder(0, 1, 2, 3).isNotEqualTo(List.of(0, 1, 2, 3));
        }
    }

    @Test
    void answersAreFormattedAsALearnerWritesThem() {
        assertThat(Answers.format(268_435_456)).isEqualTo("268,435,456");
        assertThat(Answers.format(0.1875)).isEqualTo("0.1875");
        assertThat(Answers.format(1.2e18)).isEqualTo("1.2e+18");
    }
}
