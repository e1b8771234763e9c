package katagym.grader.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GradCheckTest {
    /** f(x) = sum sin(x_i) * x_i^2, gradient cos(x_i) x_i^2 + 2 x_i sin(x_i). */
    private static double f(double[] x) {
        double s = 0;
        for (double v : x) s += Math.sin(v) * v * v;
        return s;
    }

    private static double[] grad(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) g[i] = Math.cos(x[i]) * x[i] * x[i] + 2 * x[i] * Math.sin(x[i]);
        return g;
    }

    @Test
    void aCorrectGradientPasses() {
        double[] x = {0.3, -1.7, 2.5, 4.0};
        assertThatCode(() -> GradCheck.check("dx", x, GradCheckTest::f, grad(x))).doesNotThrowAnyException();
    }

    @Test
    void aGradientOffByAFactorOfTwoInOneEntryIsReportedWithBothValues() {
        double[] x = {0.3, -1.7, 2.5};
        double[] g = grad(x);
        g[1] *= 2;
        assertThatThrownBy(() -> GradCheck.check("dx", x, GradCheckTest::f, g))
                .isInstanceOf(CheckFailed.class)
                .hasMessageContaining("dx disagrees with central differences")
                .hasMessageContaining("at [1]")
                .hasMessageContaining("analytic " + g[1]);
    }

    @Test
    void entriesNearAKinkCanBeSkipped() {
        double[] x = {0.0, 1.0};
        double[] g = {123, 1}; // |x| has no derivative at 0; skip it
        assertThatCode(() -> GradCheck.check("dx", x, v -> Math.abs(v[0]) + Math.abs(v[1]), g, i -> Math.abs(x[i]) < 1e-3, 1e-6))
                .doesNotThrowAnyException();
    }

    @Test
    void numericGradientLeavesTheInputUnchanged() {
        double[] x = {1, 2, 3};
        double[] n = GradCheck.numeric(x, v -> v[0] * v[1] * v[2]);
        assertThat(x).containsExactly(1, 2, 3);
        assertThat(n[0]).isCloseTo(6, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aWrongLengthIsReported() {
        assertThatThrownBy(() -> GradCheck.check("dx", new double[] {1, 2}, v -> 0, new double[] {0}))
                .hasMessageContaining("has 1 entries, expected 2");
    }
}
