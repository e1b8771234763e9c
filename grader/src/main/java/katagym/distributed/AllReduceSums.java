package katagym.distributed;

import katagym.grader.check.Tolerance;

/** What both all-reduce specs compare with: the elementwise sum over ranks, and its tolerance. */
final class AllReduceSums {
    private AllReduceSums() {}

    /** The elementwise sum of the ranks' vectors. */
    static double[] sum(double[][] inputs) {
        double[] s = new double[inputs[0].length];
        for (double[] v : inputs) for (int j = 0; j < s.length; j++) s[j] += v[j];
        return s;
    }

    /** Relative 1e-9, and absolute 1e-12 times the sum of magnitudes: the order of additions differs from a plain loop. */
    static Tolerance tolerance(double[][] inputs) {
        double mag = 0;
        for (double[] v : inputs) for (double x : v) mag += Math.abs(x);
        return Tolerance.of(1e-9, 1e-12 * Math.max(1, mag));
    }
}
