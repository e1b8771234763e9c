package katagym;

import java.util.stream.Stream;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Status;
import katagym.grader.run.GradeOptions;
import katagym.grader.run.Grader;
import katagym.grader.run.Implementations;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The test PIT runs against mutated reference solutions ({@code mvn -Pmutation verify}): one dynamic
 * test per kata, so PIT maps each mutant to its own kata's spec. The subject is the (mutated)
 * reference and oracle checks are off ({@code kata.oracleless}), so only golden vectors, invariants,
 * gradient checks and operation bounds can kill a mutant. Skipped in ordinary runs.
 */
class MutationSpecsTest {
    private static final GradeOptions OPTIONS = GradeOptions.fromSystemProperties()
            .withSeed(ReferencePassesEverySpecTest.FIXED_SEED).withStrict(false).withOracleless(true);

    @TestFactory
    Stream<DynamicTest> everySpecPassesWithoutItsOracle() {
        Assumptions.assumeTrue(Boolean.getBoolean("kata.oracleless"), "only for mutation testing (-Pmutation)");
        return Catalogue.standard().select(OPTIONS.only()).stream().map(kata -> DynamicTest.dynamicTest(kata.slug(), () -> {
            KataReport r = Grader.grade(kata, () -> Implementations.reference(kata), () -> Implementations.reference(kata), OPTIONS);
            if (r.status() != Status.PASSED) {
                CheckReport c = r.leadCheck();
                Assertions.fail(kata.slug() + " · " + (c == null ? r.status() : c.name() + ": " + c.message()));
            }
        }));
    }
}
