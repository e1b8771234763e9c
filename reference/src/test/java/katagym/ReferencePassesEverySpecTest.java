package katagym;

import java.util.stream.Stream;
import katagym.grader.junit.JUnitGrading;
import katagym.grader.run.GradeOptions;
import katagym.grader.run.Implementations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every spec, golden vectors included, run on the reference solutions. The seed is fixed so the
 * project's CI is deterministic; {@code -Dkata.seed=...} explores others.
 */
class ReferencePassesEverySpecTest {
    static final long FIXED_SEED = katagym.grader.feedback.FeedbackBench.FIXED_SEED;

    private static final JUnitGrading GRADING = new JUnitGrading("reference",
            kata -> () -> Implementations.reference(kata),
            kata -> () -> Implementations.reference(kata),
            System.getProperty("kata.seed") == null
                    ? GradeOptions.fromSystemProperties().withSeed(FIXED_SEED).withStrict(true)
                    : GradeOptions.fromSystemProperties().withStrict(true));

    @TestFactory
    Stream<DynamicNode> referencePassesEverySpec() {
        return GRADING.tests();
    }

    @AfterAll
    static void summary() {
        GRADING.finish();
    }
}
