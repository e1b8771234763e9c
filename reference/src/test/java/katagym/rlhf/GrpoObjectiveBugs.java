package katagym.rlhf;

/** Plausible learner bugs the grpo-objective spec must catch. */
final class GrpoObjectiveBugs {
    private GrpoObjectiveBugs() {}

    /** Normalises by the sample standard deviation (divides by G - 1), as numpy's std(ddof=1) or torch.std do. */
    static final class SampleStd extends GrpoObjectiveReference {
        @Override
        public double[] advantages(double[] rewards) {
            int g = rewards.length;
            double mean = 0;
            for (double r : rewards) mean += r;
            mean /= g;
            double var = 0;
            for (double r : rewards) var += (r - mean) * (r - mean);
            double std = Math.sqrt(var / (g - 1));
            double[] a = new double[g];
            for (int i = 0; i < g; i++) a[i] = (rewards[i] - mean) / (std + STD_EPSILON);
            return a;
        }
    }

    /** Uses the k1 estimator new - ref (can be negative) instead of k3, with its matching gradient. */
    static final class K1Estimator extends GrpoObjectiveReference {
        @Override
        public double objective(double[] rewards, double[][] nw, double[][] old, double[][] ref, double eps, double beta) {
            double total = super.objective(rewards, nw, old, ref, eps, 0);
            for (int i = 0; i < nw.length; i++) {
                double seq = 0;
                for (int t = 0; t < nw[i].length; t++) seq += nw[i][t] - ref[i][t];
                total -= beta * seq / nw[i].length / nw.length;
            }
            return total;
        }

        @Override
        public double[][] gradient(double[] rewards, double[][] nw, double[][] old, double[][] ref, double eps, double beta) {
            double[][] g = super.gradient(rewards, nw, old, ref, eps, 0);
            for (int i = 0; i < g.length; i++)
                for (int t = 0; t < g[i].length; t++) g[i][t] -= beta / (nw.length * (double) nw[i].length);
            return g;
        }
    }

    /** Writes k3 with d = new - ref instead of ref - new: a valid-looking estimator of the reverse KL. */
    static final class K3OfTheReverseRatio extends GrpoObjectiveReference {
        @Override
        public double objective(double[] rewards, double[][] nw, double[][] old, double[][] ref, double eps, double beta) {
            double total = super.objective(rewards, nw, old, ref, eps, 0);
            for (int i = 0; i < nw.length; i++) {
                double seq = 0;
                for (int t = 0; t < nw[i].length; t++) seq += k3(ref[i][t], nw[i][t]);
                total -= beta * seq / nw[i].length / nw.length;
            }
            return total;
        }
    }

    /** Averages over all tokens of the group at once, so long responses weigh more. */
    static final class MeanOverAllTokens extends GrpoObjectiveReference {
        @Override
        public double objective(double[] rewards, double[][] nw, double[][] old, double[][] ref, double eps, double beta) {
            double[] adv = advantages(rewards);
            double total = 0;
            int tokens = 0;
            for (int i = 0; i < nw.length; i++) {
                for (int t = 0; t < nw[i].length; t++) {
                    double ratio = Math.exp(nw[i][t] - old[i][t]);
                    double clipped = Math.max(1 - eps, Math.min(1 + eps, ratio));
                    total += Math.min(ratio * adv[i], clipped * adv[i]) - beta * k3(nw[i][t], ref[i][t]);
                    tokens++;
                }
            }
            return total / tokens;
        }
    }

    /** Takes the max of the two surrogates instead of the min. */
    static final class MaxInsteadOfMin extends GrpoObjectiveReference {
        @Override
        public double objective(double[] rewards, double[][] nw, double[][] old, double[][] ref, double eps, double beta) {
            double[] adv = advantages(rewards);
            double total = 0;
            for (int i = 0; i < nw.length; i++) {
                double seq = 0;
                for (int t = 0; t < nw[i].length; t++) {
                    double ratio = Math.exp(nw[i][t] - old[i][t]);
                    double clipped = Math.max(1 - eps, Math.min(1 + eps, ratio));
                    seq += Math.max(ratio * adv[i], clipped * adv[i]) - beta * k3(nw[i][t], ref[i][t]);
                }
                total += seq / nw[i].length;
            }
            return total / nw.length;
        }
    }

    /** Computes the variance in one pass as mean(r^2) - mean^2, which cancels catastrophically under a large common offset. */
    static final class OnePassVariance extends GrpoObjectiveReference {
        @Override
        public double[] advantages(double[] rewards) {
            int g = rewards.length;
            double mean = 0, meanSq = 0;
            for (double r : rewards) { mean += r; meanSq += r * r; }
            mean /= g;
            meanSq /= g;
            double std = Math.sqrt(Math.max(0, meanSq - mean * mean));
            double[] a = new double[g];
            for (int i = 0; i < g; i++) a[i] = (rewards[i] - mean) / (std + STD_EPSILON);
            return a;
        }
    }

    /** Keeps the advantages in a field reused between calls. */
    static final class ReusesAdvantagesBuffer extends GrpoObjectiveReference {
        private double[] buffer = new double[0];

        @Override
        public double[] advantages(double[] rewards) {
            double[] a = super.advantages(rewards);
            if (buffer.length != a.length) buffer = new double[a.length];
            System.arraycopy(a, 0, buffer, 0, a.length);
            return buffer;
        }
    }

    /** Puts the epsilon inside the square root, sqrt(var + 1e-8), instead of adding it to the standard deviation. */
    static final class EpsilonInsideTheSqrt extends GrpoObjectiveReference {
        @Override
        public double[] advantages(double[] rewards) {
            int g = rewards.length;
            double mean = 0;
            for (double r : rewards) mean += r;
            mean /= g;
            double var = 0;
            for (double r : rewards) var += (r - mean) * (r - mean);
            double std = Math.sqrt(var / g + STD_EPSILON);
            double[] a = new double[g];
            for (int i = 0; i < g; i++) a[i] = (rewards[i] - mean) / std;
            return a;
        }
    }

    /** Returns the same gradient rows from every call (a buffer kept to "save allocations"). */
    static final class ReusesGradientRows extends GrpoObjectiveReference {
        private double[][] buffer = new double[0][];

        @Override
        public double[][] gradient(double[] rewards, double[][] nw, double[][] old, double[][] ref, double eps, double beta) {
            double[][] g = super.gradient(rewards, nw, old, ref, eps, beta);
            boolean same = buffer.length == g.length;
            for (int i = 0; same && i < g.length; i++) same = buffer[i].length == g[i].length;
            if (!same) buffer = g;
            else for (int i = 0; i < g.length; i++) System.arraycopy(g[i], 0, buffer[i], 0, g[i].length);
            return buffer;
        }
    }
}
