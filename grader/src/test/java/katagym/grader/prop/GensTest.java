package katagym.grader.prop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generators reach the edge cases that bugs hide at, counted over many draws. */
class GensTest {
    private static final int N = 5000;

    private static <T> T draw(Gen<T> g, long seed) {
        return g.generate(Source.random(seed));
    }

    @Test
    void logitsReachZeroSmallIntegersTinyAndExtremeMagnitudesOfBothSigns() {
        int zero = 0, smallInt = 0, tiny = 0, extreme = 0, thousand = 0, negative = 0, positive = 0;
        SplittableRandom seeds = new SplittableRandom(1);
        for (int i = 0; i < N; i++) {
            double x = draw(Gens.logits(), seeds.nextLong());
            if (x == 0) zero++;
            if (x != 0 && x == Math.rint(x) && Math.abs(x) <= 4) smallInt++;
            if (x != 0 && Math.abs(x) <= 2e-6) tiny++;
            if (Math.abs(x) >= 100) extreme++;
            if (Math.abs(x) == 1000) thousand++;
            if (x < 0) negative++;
            if (x > 0) positive++;
            assertThat(Math.abs(x)).isLessThanOrEqualTo(1000);
        }
        String drawn = String.format("logits over %d draws: zero %d, small ints %d, tiny %d, |x|>=100 %d, |x|=1000 %d, neg %d, pos %d",
                N, zero, smallInt, tiny, extreme, thousand, negative, positive);
        assertThat(zero).as(drawn).isGreaterThan(N / 100);
        assertThat(smallInt).as(drawn).isGreaterThan(N / 50);
        assertThat(tiny).as(drawn).isGreaterThan(N / 30);
        assertThat(extreme).as(drawn).isGreaterThan(N / 10);
        assertThat(thousand).as(drawn).isGreaterThan(N / 200);
        assertThat(negative).as(drawn).isGreaterThan(N / 3);
        assertThat(positive).as(drawn).isGreaterThan(N / 3);
    }

    @Test
    void boundedDoublesStayInRangeAndHitBothBounds() {
        int lo = 0, hi = 0;
        SplittableRandom seeds = new SplittableRandom(2);
        for (int i = 0; i < N; i++) {
            double x = draw(Gens.doubles(-3, 7), seeds.nextLong());
            assertThat(x).isBetween(-3.0, 7.0);
            if (x == -3) lo++;
            if (x == 7) hi++;
        }
        assertThat(lo).isGreaterThan(N / 200);
        assertThat(hi).isGreaterThan(N / 200);
    }

    @Test
    void vectorsReachTheirMinimumAndMaximumLength() {
        Set<Integer> lengths = new HashSet<>();
        SplittableRandom seeds = new SplittableRandom(3);
        for (int i = 0; i < N; i++) lengths.add(draw(Gens.vectors(1, 8, Gens.doubles()), seeds.nextLong()).length);
        assertThat(lengths).contains(1, 2, 3, 4, 5, 6, 7, 8).allMatch(n -> n >= 1 && n <= 8);
    }

    @Test
    void matricesAreRectangularAndCoverTheirShapes() {
        Set<String> shapes = new HashSet<>();
        SplittableRandom seeds = new SplittableRandom(4);
        for (int i = 0; i < N; i++) {
            double[][] m = draw(Gens.matrices(1, 3, 1, 3, Gens.doubles()), seeds.nextLong());
            for (double[] row : m) assertThat(row).hasSize(m[0].length);
            shapes.add(m.length + "x" + m[0].length);
        }
        assertThat(shapes).hasSize(9);
    }

    @Test
    void keysWithDuplicatesMostlyRepeatKeys() {
        int withDuplicates = 0, nonEmpty = 0;
        SplittableRandom seeds = new SplittableRandom(5);
        for (int i = 0; i < N; i++) {
            Keyed[] r = draw(Gens.keyedRecords(0, 40), seeds.nextLong());
            for (int j = 0; j < r.length; j++) assertThat(r[j].position()).isEqualTo(j);
            if (r.length >= 2) {
                nonEmpty++;
                Set<Integer> keys = new HashSet<>();
                for (Keyed k : r) keys.add(k.key());
                if (keys.size() < r.length) withDuplicates++;
            }
        }
        assertThat(withDuplicates).as("%d of %d arrays of length >= 2 repeat a key", withDuplicates, nonEmpty).isGreaterThan(nonEmpty * 3 / 4);
    }

    @Test
    void intArraysReachEmptyAndBothBounds() {
        int empty = 0, lo = 0, hi = 0;
        SplittableRandom seeds = new SplittableRandom(6);
        for (int i = 0; i < N; i++) {
            int[] a = draw(Gens.intArrays(0, 10, -5, 5), seeds.nextLong());
            if (a.length == 0) empty++;
            for (int v : a) {
                assertThat(v).isBetween(-5, 5);
                if (v == -5) lo++;
                if (v == 5) hi++;
            }
        }
        assertThat(empty).isPositive();
        assertThat(lo).isPositive();
        assertThat(hi).isPositive();
    }

    @Test
    void unicodeTextReachesEmojiCjkAndControlCharacters() {
        int emoji = 0, cjk = 0, control = 0;
        SplittableRandom seeds = new SplittableRandom(7);
        for (int i = 0; i < N; i++) {
            String s = draw(Gens.unicodeText(12), seeds.nextLong());
            emoji += (int) s.codePoints().filter(c -> c >= 0x1F300).count();
            cjk += (int) s.codePoints().filter(c -> c >= 0x4E00 && c <= 0x9FFF).count();
            control += (int) s.codePoints().filter(c -> c < 0x20).count();
        }
        assertThat(emoji).isGreaterThan(100);
        assertThat(cjk).isGreaterThan(100);
        assertThat(control).isGreaterThan(10);
    }

    @Test
    void permutationsArePermutations() {
        SplittableRandom seeds = new SplittableRandom(8);
        for (int i = 0; i < 500; i++) {
            int[] p = draw(Gens.permutations(6), seeds.nextLong());
            assertThat(p).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        }
        assertThat(Gens.permutations(4).generate(Source.replay(new long[0]))).containsExactly(0, 1, 2, 3);
    }

    @Test
    void distributionsArePositiveAndSumToOne() {
        SplittableRandom seeds = new SplittableRandom(9);
        for (int i = 0; i < 500; i++) {
            double[] p = draw(Gens.distributions(5), seeds.nextLong());
            double sum = 0;
            for (double v : p) { assertThat(v).isPositive(); sum += v; }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        }
    }
}
