package katagym;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import katagym.grader.catalogue.Catalogue;
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
 * A spec must accept every correct solution, not only the reference's way of writing it. Each kata
 * may keep correct solutions unlike the reference ({@code <Name>Alternatives}: another algorithm, another
 * stable formula); each must pass its spec on every seed ({@code -Dkata.referenceSeeds=N}, default 1).
 */
class AlternativeSolutionsPassTest {
    private static final GradeOptions OPTIONS = GradeOptions.fromSystemProperties().withStrict(true).withTimeout(60_000);

    @TestFactory
    Stream<DynamicNode> everyAlternativeSolutionPasses() {
        long[] seeds = ReferencePassesOnManySeedsTest.seeds();
        return Catalogue.standard().select(OPTIONS.only()).stream()
                .filter(kata -> !Implementations.alternatives(kata).isEmpty())
                .map(kata -> DynamicContainer.dynamicContainer(kata.slug(), Implementations.alternatives(kata).stream().map(alt ->
                        DynamicTest.dynamicTest(alt.getSimpleName(), () -> {
                            for (long seed : seeds) {
                                KataReport r = Grader.grade(kata, () -> Implementations.newInstance(alt),
                                        () -> Implementations.reference(kata), OPTIONS.withSeed(seed));
                                assertThat(r.status()).as("%s, a correct solution of %s, on seed %d: %s", alt.getSimpleName(),
                                        kata.slug(), seed, r.leadCheck()).isEqualTo(Status.PASSED);
                            }
                        }))));
    }
}
