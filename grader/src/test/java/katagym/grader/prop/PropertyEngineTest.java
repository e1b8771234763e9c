package katagym.grader.prop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Optional;
import katagym.NotImplementedYet;
import org.junit.jupiter.api.Test;

class PropertyEngineTest {
    private static final PropertyEngine.Config CONFIG = PropertyEngine.Config.of(42);

    private static <T> Falsified falsify(Gen<T> gen, Property<T> p) {
        Optional<Falsified> f = PropertyEngine.find(gen, p, CONFIG, PropertyEngine.Observer.NONE);
        assertThat(f).as("the property should be falsified").isPresent();
        return f.get();
    }

    @Test
    void aPropertyThatHoldsIsNotFalsified() {
        assertThat(PropertyEngine.find(Gens.ints(0, 100), x -> { if (x < 0) throw new AssertionError(); },
                CONFIG, PropertyEngine.Observer.NONE)).isEmpty();
    }

    @Test
    void shrinksAnIntegerToTheSmallestFailingValue() {
        Falsified f = falsify(Gens.ints(0, 1_000_000), x -> { if (x >= 1234) throw new AssertionError("too big"); });
        assertThat(f.value()).isEqualTo(1234);
        assertThat(f.message()).isEqualTo("too big");
    }

    @Test
    void shrinksAListToOneMinimalElement() {
        Falsified f = falsify(Gens.intArrays(0, 30, 0, 1000), a -> {
            for (int v : a) if (v >= 500) throw new AssertionError("has a big element");
        });
        assertThat((int[]) f.value()).containsExactly(500);
    }

    @Test
    void shrinksAListLengthToTheBoundaryWithSimplestElements() {
        Falsified f = falsify(Gens.vectors(0, 20, Gens.doubles()), v -> { if (v.length >= 5) throw new AssertionError(); });
        assertThat((double[]) f.value()).containsExactly(0, 0, 0, 0, 0);
    }

    @Test
    void shrinksADoubleToTheSimplestValuePastExpsOverflow() {
        // exp(x) overflows for x > 709.782712893384: the simplest failing value is the whole number 710
        Falsified f = falsify(Gens.doubles(0, 1000), x -> { if (Double.isInfinite(Math.exp(x))) throw new AssertionError(); });
        assertThat((double) f.value()).isEqualTo(710.0);
    }

    @Test
    void aFactorOfTwoBugShrinksToOneNotToATinyValueUnderTheTolerance() {
        // tanh(x) * 2 differs from tanh(x) everywhere but 0: shrinking toward zero magnitude would end at a
        // difference of 1e-12 that reads as rounding noise; shrinking toward simple values ends at x = 1
        for (Gen<Double> gen : java.util.List.of(Gens.doubles(), Gens.logits(), Gens.doubles(-30, 30))) {
            Falsified f = falsify(Gens.vectors(1, 8, gen), x -> {
                for (double v : x) if (Math.abs(2 * Math.tanh(v) - Math.tanh(v)) > 1e-12) throw new AssertionError();
            });
            assertThat((double[]) f.value()).containsExactly(1.0);
        }
    }

    @Test
    void shrinkingKeepsAFailureClearOfTheTolerance() {
        // softplus(x) = -log(1 - sigmoid(x)) computed naively loses precision as x grows: at x = 20 the
        // error is twice the tolerance, by 30 it is a thousand times it; 20 would read as rounding noise
        Property<double[]> stable = x -> {
            for (double v : x) {
                double exact = v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
                katagym.grader.check.Checks.close("softplus(" + v + ")", exact, -Math.log(1 - 1 / (1 + Math.exp(-v))));
            }
        };
        Falsified f = falsify(Gens.vectors(1, 4, Gens.doubles(-100, 100)), stable);
        assertThat(Margin.of(f.failure())).isGreaterThanOrEqualTo(Margin.CLEAR);
    }

    @Test
    void aBugOnlyInAnIntervalShrinksToItsSimplestPoint() {
        Falsified f = falsify(Gens.doubles(-1000, 1000), x -> { if (x < -30.2) throw new AssertionError(); });
        assertThat((double) f.value()).isEqualTo(-31.0);
        Falsified g = falsify(Gens.doubles(0, 1), x -> { if (x > 0.3 && x < 0.6) throw new AssertionError(); });
        assertThat((double) g.value()).isEqualTo(0.5);
    }

    @Test
    void shrinksAPairWhoseSumIsTooLarge() {
        Gen<int[]> pairs = s -> new int[] {s.intBetween(0, 1000), s.intBetween(0, 1000)};
        Falsified f = falsify(pairs, p -> { if (p[0] + p[1] > 1000) throw new AssertionError(); });
        int[] p = (int[]) f.value();
        assertThat(p[0] + p[1]).isEqualTo(1001);
        assertThat(p[0]).isLessThanOrEqualTo(p[1]); // shortlex-smallest: the first coordinate is lowered first
    }

    @Test
    void exceptionsAndStackOverflowsAreFailuresNamedByType() {
        Falsified f = falsify(Gens.ints(0, 10), x -> { if (x > 3) recurse(x); });
        assertThat(f.message()).startsWith("threw StackOverflowError");
        assertThat(f.value()).isEqualTo(4);
    }

    private static int recurse(int x) { return recurse(x + 1) + 1; }

    @Test
    void theReportedSeedReplaysTheSameCounterexampleOnTheFirstCase() {
        Gen<double[]> gen = Gens.vectors(1, 10, Gens.logits());
        Property<double[]> p = v -> { for (double d : v) if (d > 300) throw new AssertionError("big"); };
        Falsified first = PropertyEngine.find(gen, p, PropertyEngine.Config.of(7), PropertyEngine.Observer.NONE).orElseThrow();
        Falsified replay = PropertyEngine.find(gen, p, PropertyEngine.Config.of(first.seed()), PropertyEngine.Observer.NONE).orElseThrow();
        assertThat(replay.casesTried()).isEqualTo(1);
        assertThat(replay.description()).isEqualTo(first.description());
        assertThat(replay.seed()).isEqualTo(first.seed());
    }

    @Test
    void pendingIsNotAFailure() {
        assertThatThrownBy(() -> PropertyEngine.find(Gens.ints(0, 3), x -> { throw new NotImplementedYet(); },
                CONFIG, PropertyEngine.Observer.NONE)).isInstanceOf(NotImplementedYet.class);
    }

    @Test
    void discardedCasesDoNotCountAndAGeneratorThatRejectsEverythingIsAnError() {
        Gen<Integer> evens = Gens.ints(0, 100).filter(x -> x % 2 == 0);
        Falsified f = falsify(evens, x -> { if (x > 10) throw new AssertionError(); });
        assertThat(f.value()).isEqualTo(12);
        assertThatThrownBy(() -> PropertyEngine.find(Gens.ints(0, 5).filter(x -> false), x -> {}, CONFIG,
                PropertyEngine.Observer.NONE)).isInstanceOf(IllegalStateException.class).hasMessageContaining("rejected");
    }

    @Test
    void theObserverSeesEveryValueTriedWithTheSeedThatReplaysIt() {
        int[] seen = {0};
        java.util.List<Long> seeds = new java.util.ArrayList<>();
        PropertyEngine.find(Gens.ints(0, 9), x -> {}, CONFIG.withTries(25), (v, seed) -> { seen[0]++; seeds.add(seed); });
        assertThat(seen[0]).isEqualTo(25);
        assertThat(seeds.get(0)).isEqualTo(CONFIG.seed());
        assertThat(seeds.get(3)).isEqualTo(PropertyEngine.caseSeed(CONFIG.seed(), 3));
    }

    @Test
    void shortlexOrdersByLengthThenValues() {
        assertThat(PropertyEngine.shortlex(new long[] {9}, new long[] {0, 0})).isNegative();
        assertThat(PropertyEngine.shortlex(new long[] {1, 2}, new long[] {1, 3})).isNegative();
        assertThat(PropertyEngine.shortlex(new long[] {1, 2}, new long[] {1, 2})).isZero();
        assertThat(Arrays.asList(1, 2)).hasSize(2);
    }
}
