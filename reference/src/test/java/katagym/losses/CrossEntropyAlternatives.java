package katagym.losses;

/** Correct cross-entropy solutions written unlike the reference. */
final class CrossEntropyAlternatives {
    private CrossEntropyAlternatives() {}

    /**
     * Since q sums to 1, the row loss is logsumexp(x) - sum_c q[c] x[c]: one log-sum-exp per row and a dot
     * product, no log-softmax vector; the gradient from exp(x - logsumexp(x)).
     */
    static final class LogSumExpMinusDot implements CrossEntropy {
        private static double logSumExp(double[] row) {
            double max = row[0];
            for (double v : row) if (v > max) max = v;
            double sum = 0;
            for (double v : row) sum += Math.exp(v - max);
            return max + Math.log(sum);
        }

        @Override
        public double loss(double[][] logits, int[] targets, double labelSmoothing) {
            double total = 0;
            for (int i = 0; i < logits.length; i++) {
                double[] row = logits[i];
                double mean = 0;
                for (double v : row) mean += v;
                mean /= row.length;
                // sum_c q[c] x[c] = (1 - eps) x[target] + eps * mean(x); subtracting the max first keeps it exact
                double lse = logSumExp(row);
                total += (1 - labelSmoothing) * (lse - row[targets[i]]) + labelSmoothing * (lse - mean);
            }
            return total / logits.length;
        }

        @Override
        public double[][] gradient(double[][] logits, int[] targets, double labelSmoothing) {
            int n = logits.length;
            double[][] g = new double[n][];
            for (int i = 0; i < n; i++) {
                double[] row = logits[i];
                double lse = logSumExp(row);
                g[i] = new double[row.length];
                for (int c = 0; c < row.length; c++) {
                    double q = labelSmoothing / row.length + (c == targets[i] ? 1 - labelSmoothing : 0);
                    g[i][c] = (Math.exp(row[c] - lse) - q) / n;
                }
            }
            return g;
        }
    }
}
