package katagym.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The erf given to learners on the Gelu contract, against known values in all three of Cody's intervals. */
class GeluErfTest {

    private static final double[][] KNOWN = {
        {0.0, 0.0},
        {1e-20, 1.1283791670955126e-20},
        {0.1, 0.1124629160182849},
        {-0.2, -0.22270258921047847},
        {0.3, 0.3286267594591274},
        {0.46875, 0.49261347321793797},
        {0.47, 0.4937450508860821},
        {0.5, 0.5204998778130465},
        {1.0, 0.8427007929497149},
        {2.0, 0.9953222650189527},
        {2.5, 0.999593047982555},
        {-3.0, -0.9999779095030014},
        {4.0, 0.9999999845827421},
        {4.01, 0.9999999858030606},
        {5.5, 0.9999999999999927},
        {10.0, 1.0},
        {-30.0, -1.0},
    };

    @Test
    void matchesKnownValuesToFifteenDigits() {
        for (double[] k : KNOWN) {
            assertThat(Gelu.erf(k[0])).as("erf(%s)", k[0]).isCloseTo(k[1], within(2e-16 + 2e-15 * Math.abs(k[1])));
        }
    }

    @Test
    void isOddAndHandlesInfinities() {
        for (double x = -6; x <= 6; x += 0.01) assertThat(Gelu.erf(-x)).isEqualTo(-Gelu.erf(x));
        assertThat(Gelu.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Gelu.erf(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(Gelu.erf(Double.NaN)).isNaN();
    }
}
