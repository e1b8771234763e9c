package katagym.grader.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void closeReportsTheFirstDifferingIndexWithBothValues() {
        assertThatThrownBy(() -> Checks.close("y", new double[][] {{1, 2}, {3, 4}}, new double[][] {{1, 2}, {3, 4.5}}))
                .isInstanceOf(CheckFailed.class)
                .hasMessageContaining("y[1][1] differs: expected 4.0, got 4.5");
    }

    @Test
    void closeAcceptsDifferencesWithinTheTolerance() {
        assertThatCode(() -> Checks.close("y", new double[] {1e6}, new double[] {1e6 * (1 + 1e-10)})).doesNotThrowAnyException();
        assertThatCode(() -> Checks.close("y", new double[] {0}, new double[] {1e-13})).doesNotThrowAnyException();
        assertThatThrownBy(() -> Checks.close("y", new double[] {1}, new double[] {1 + 1e-8})).isInstanceOf(CheckFailed.class);
    }

    @Test
    void closeReportsAWrongShape() {
        assertThatThrownBy(() -> Checks.close("y", new double[] {1, 2, 3}, new double[] {1, 2}))
                .hasMessageContaining("y has length 2, expected 3");
        assertThatThrownBy(() -> Checks.close("y", new double[] {1}, null)).hasMessageContaining("got null");
    }

    @Test
    void nanMatchesOnlyNanAndInfinitiesMatchThemselves() {
        Tolerance t = Tolerance.DEFAULT;
        org.assertj.core.api.Assertions.assertThat(t.close(Double.NaN, Double.NaN)).isTrue();
        org.assertj.core.api.Assertions.assertThat(t.close(1, Double.NaN)).isFalse();
        org.assertj.core.api.Assertions.assertThat(t.close(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isTrue();
        org.assertj.core.api.Assertions.assertThat(t.close(Double.POSITIVE_INFINITY, 1e308)).isFalse();
    }

    @Test
    void finiteNamesTheFirstNonFiniteEntry() {
        assertThatThrownBy(() -> Checks.finite("y", new double[][] {{1}, {2, Double.NaN}}))
                .hasMessageContaining("y[1][1] is NaN");
    }

    @Test
    void shapeChecksEveryDimension() {
        assertThatCode(() -> Checks.shape("m", new double[2][3], 2, 3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Checks.shape("m", new double[][] {{1, 2, 3}, {1, 2}}, 2, 3))
                .hasMessageContaining("m[1] has length 2, expected 3");
    }

    @Test
    void pureCatchesAMutatedInputAndSaysWhere() {
        double[][] x = {{1, 2}, {3, 4}};
        assertThatThrownBy(() -> Checks.pure("forward(x)", () -> { x[1][0] = 9; return 0; }, (Object) x))
                .hasMessageContaining("forward(x) modified its input: argument 1[1][0] was 3.0, now 9.0");
        assertThatCode(() -> Checks.pure("f", () -> x[0][0] + 1, (Object) x)).doesNotThrowAnyException();
    }

    @Test
    void counterEnforcesItsBound() {
        Counter c = new Counter();
        var cmp = c.counting(Integer::compare);
        for (int i = 0; i < 5; i++) cmp.compare(i, i + 1);
        assertThatCode(() -> c.atMost("comparisons", 5)).doesNotThrowAnyException();
        assertThatThrownBy(() -> c.atMost("comparisons", 4)).hasMessageContaining("comparisons: 5 operations, at most 4 allowed");
        assertThatThrownBy(() -> c.exactly("comparisons", 6)).hasMessageContaining("expected exactly 6");
    }

    @Test
    void aWrongValueSaysItsSimpleRelationToTheRightOne() {
        assertThat(Checks.relation(0.5, 1.0)).isEqualTo("got 2× the expected value");
        assertThat(Checks.relation(3.0, -3.0)).isEqualTo("sign flipped");
        assertThat(Checks.relation(4.0, 1.0)).isEqualTo("got 1/4 of the expected value");
        assertThat(Checks.relation(4.0, 0.0)).isEqualTo("got 0 instead");
        assertThat(Checks.relation(1.0, 1.37)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Checks.close("y", new double[] {0.25}, new double[] {0.5}))
                .hasMessageContaining("got 2× the expected value");
    }

    @Test
    void freshFailsOnAResultThatIsAnArgumentOrABufferReusedBetweenCalls() {
        double[] x = {1, 2};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Checks.fresh("f(x)", () -> x, x))
                .hasMessageContaining("returned the result = argument 1 (the very same array)");
        double[][] m = {{1}, {2}};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Checks.fresh("g(m)", () -> new double[][] {m[1]}, (Object) m))
                .hasMessageContaining("the result[0] = argument 1[1]");
        double[] buffer = new double[2];
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Checks.fresh("h(x)", () -> buffer, x))
                .hasMessageContaining("called twice");
        assertThat(Checks.fresh("ok(x)", () -> x.clone(), x)).containsExactly(1, 2);
        record Grads(double[] dx, double[] dw) {}
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Checks.fresh("grads(x)", () -> new Grads(new double[1], x), x))
                .hasMessageContaining("the result.dw = argument 1");
    }

    @Test
    void throwsOnFailsWhenNothingOrTheWrongExceptionIsThrown() {
        Checks.throwsOn("f()", IllegalArgumentException.class, "n < 0", () -> { throw new IllegalArgumentException(); });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Checks.throwsOn("f()", IllegalArgumentException.class, "n < 0", () -> { }))
                .hasMessage("f() returned normally, expected it to throw IllegalArgumentException: n < 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Checks.throwsOn("f()", IllegalArgumentException.class, "n < 0",
                () -> { throw new ArithmeticException("/ by zero"); }))
                .hasMessageContaining("threw ArithmeticException (/ by zero), expected IllegalArgumentException");
    }
}
