package katagym.grader.prop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatLexTest {

    @Test
    void everyFiniteMagnitudeRoundTrips() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            double v = Math.abs(Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE));
            if (!Double.isFinite(v)) continue;
            assertThat(FloatLex.decode(FloatLex.encode(v))).isEqualTo(v);
        }
        for (double v : new double[] {0, 1, 0.5, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, 4503599627370495.5, 1e20}) {
            assertThat(FloatLex.decode(FloatLex.encode(v))).isEqualTo(v);
        }
    }

    @Test
    void everyCodeDecodesToAFiniteValue() {
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 100_000; i++) assertThat(FloatLex.decode(r.nextLong() & Long.MAX_VALUE)).isFinite();
        assertThat(FloatLex.decode(Long.MAX_VALUE)).isFinite();
    }

    @Test
    void simplerValuesHaveSmallerCodes() {
        double[] simplestFirst = {0, 1, 2, 3, 10, 1000, 1e15, 1.5, 1.25, 1.75, 2.5, 0.5, 0.75, 0.1, 0.01, 1e-6, 1e-300};
        for (int i = 0; i + 1 < simplestFirst.length; i++) {
            assertThat(FloatLex.encode(simplestFirst[i])).as("%s before %s", simplestFirst[i], simplestFirst[i + 1])
                    .isLessThan(FloatLex.encode(simplestFirst[i + 1]));
        }
    }
}
