package katagym;

import java.util.stream.Stream;
import katagym.grader.junit.JUnitGrading;
import katagym.grader.run.GradeOptions;
import katagym.grader.run.Implementations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Grades every kata stub against the reference: what {@code mvn test} does for a learner. A kata
 * still throwing {@link NotImplementedYet} is skipped as pending; {@code -Dkata.strict=true} fails it.
 * {@code -Dkata.strictReview=N} adds a test failing when a solved kata's review is more than N days overdue.
 */
class GradeKatasTest {
    private static final JUnitGrading GRADING = new JUnitGrading("katas",
            kata -> () -> Implementations.stub(kata),
            kata -> () -> Implementations.reference(kata),
            GradeOptions.fromSystemProperties());

    @TestFactory
    Stream<DynamicNode> katas() {
        return Stream.concat(GRADING.tests(), GRADING.reviewDeadline());
    }

    @AfterAll
    static void summary() {
        GRADING.finish();
    }
}
