package katagym;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Status;
import katagym.grader.run.GradeOptions;
import katagym.grader.run.Grader;
import katagym.grader.run.Implementations;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each kata keeps plausible learner bugs as fixtures ({@code <Name>Bugs}, nested classes implementing
 * the contract). Every one must fail its spec, with a failure that names the input that breaks it.
 */
class FixtureBugsAreCaughtTest {
    private static final GradeOptions OPTIONS = GradeOptions.fromSystemProperties()
            .withSeed(ReferencePassesEverySpecTest.FIXED_SEED).withStrict(false).withTimeout(20_000);

    @TestFactory
    Stream<DynamicNode> everyFixtureBugIsCaught() {
        return Catalogue.standard().select(OPTIONS.only()).stream().map(kata ->
                DynamicContainer.dynamicContainer(kata.slug(), Stream.of(kata).flatMap(FixtureBugsAreCaughtTest::bugTests)));
    }

    private static Stream<DynamicNode> bugTests(Kata kata) {
        List<Class<?>> bugs = Implementations.fixtureBugs(kata);
        DynamicTest atLeastFive = DynamicTest.dynamicTest("hasAtLeastFiveFixtureBugs",
                () -> assertThat(bugs).as("fixture bugs in " + kata.bugsClass()).hasSizeGreaterThanOrEqualTo(5));
        return Stream.concat(Stream.of(atLeastFive), bugs.stream().map(bug -> DynamicTest.dynamicTest(bug.getSimpleName(), () -> {
            for (long seed : seeds()) {
                KataReport r = Grader.grade(kata, () -> Implementations.newInstance(bug), () -> Implementations.reference(kata), OPTIONS.withSeed(seed));
                assertThat(r.status()).as("%s should fail the spec of %s on seed %d; checks: %s", bug.getSimpleName(), kata.slug(),
                        seed, r.checks()).isEqualTo(Status.FAILED);
                CheckReport first = r.leadCheck();
                assertThat(first.message()).as("failure message").isNotBlank().doesNotStartWith("timeout");
                assertThat(first.counterexample()).as("the failure of %s names the input (%s)", bug.getSimpleName(), first.message())
                        .isNotBlank();
            }
        })));
    }

    /**
     * The fixed seed, then {@code kata.seeds - 1} more derived from it ({@code -Dkata.seeds=50}): a bug must be
     * caught on every one of them, not only on a lucky seed.
     */
    static long[] seeds() {
        return katagym.grader.feedback.FeedbackBench.seedList(Integer.getInteger("kata.seeds", 1));
    }
}
