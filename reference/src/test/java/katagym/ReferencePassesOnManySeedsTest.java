package katagym;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.report.KataReport;
import katagym.grader.report.Status;
import katagym.grader.run.GradeOptions;
import katagym.grader.run.Grader;
import katagym.grader.run.Implementations;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A learner gets a random seed on every run, so a spec that fails a correct solution on one seed in a
 * thousand is a real defect. With {@code -Dkata.referenceSeeds=N} (N > 1; default {@code kata.seeds}) every
 * reference is graded on N seeds; with the default of 1 this adds nothing to {@link ReferencePassesEverySpecTest}.
 */
class ReferencePassesOnManySeedsTest {
    private static final GradeOptions OPTIONS = GradeOptions.fromSystemProperties().withStrict(true).withTimeout(60_000);

    /** N seeds, the first the fixed one: {@code kata.referenceSeeds}, else {@code kata.seeds}, else 1. */
    static long[] seeds() {
        return katagym.grader.feedback.FeedbackBench.seedList(
                Integer.getInteger("kata.referenceSeeds", Integer.getInteger("kata.seeds", 1)));
    }

    @TestFactory
    Stream<DynamicTest> referencePassesOnEverySeed() {
        long[] seeds = seeds();
        if (seeds.length < 2) return Stream.empty();
        return Catalogue.standard().select(OPTIONS.only()).stream().map(kata -> DynamicTest.dynamicTest(kata.slug(), () -> {
            for (long seed : seeds) {
                KataReport r = Grader.grade(kata, () -> Implementations.reference(kata), () -> Implementations.reference(kata),
                        OPTIONS.withSeed(seed));
                assertThat(r.status()).as("the reference of %s on seed %d: %s", kata.slug(), seed, r.leadCheck()).isEqualTo(Status.PASSED);
            }
        }));
    }
}
