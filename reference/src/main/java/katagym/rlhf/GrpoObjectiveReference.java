package katagym.rlhf;

public class GrpoObjectiveReference implements GrpoObjective {

    @Override
    public double[] advantages(double[] rewards) {
        int g = rewards.length;
        double mean = 0;
        for (double r : rewards) mean += r;
        mean /= g;
        double var = 0;
        for (double r : rewards) var += (r - mean) * (r - mean);
        double std = Math.sqrt(var / g); // population: divide by G
        double[] a = new double[g];
        for (int i = 0; i < g; i++) a[i] = (rewards[i] - mean) / (std + STD_EPSILON);
        return a;
    }

    /** The k3 estimator of KL(pi || pi_ref) for one token: exp(d) - d - 1 with d = ref - new, always >= 0. */
    static double k3(double logNew, double logRef) {
        double d = logRef - logNew;
        return Math.exp(d) - d - 1;
    }

    /** d k3 / d logNew = 1 - exp(ref - new). */
    static double dk3(double logNew, double logRef) {
        return 1 - Math.exp(logRef - logNew);
    }

    @Override
    public double objective(double[] rewards, double[][] logProbsNew, double[][] logProbsOld, double[][] logProbsRef,
                            double clipEpsilon, double beta) {
        double[] adv = advantages(rewards);
        int g = rewards.length;
        double total = 0;
        for (int i = 0; i < g; i++) {
            int n = logProbsNew[i].length;
            double seq = 0;
            for (int t = 0; t < n; t++) {
                double ratio = Math.exp(logProbsNew[i][t] - logProbsOld[i][t]);
                double clipped = Math.max(1 - clipEpsilon, Math.min(1 + clipEpsilon, ratio));
                double surrogate = Math.min(ratio * adv[i], clipped * adv[i]);
                seq += surrogate - beta * k3(logProbsNew[i][t], logProbsRef[i][t]);
            }
            total += seq / n;
        }
        return total / g;
    }

    @Override
    public double[][] gradient(double[] rewards, double[][] logProbsNew, double[][] logProbsOld, double[][] logProbsRef,
                               double clipEpsilon, double beta) {
        double[] adv = advantages(rewards);
        int g = rewards.length;
        double[][] grad = new double[g][];
        for (int i = 0; i < g; i++) {
            int n = logProbsNew[i].length;
            grad[i] = new double[n];
            double a = adv[i];
            for (int t = 0; t < n; t++) {
                double ratio = Math.exp(logProbsNew[i][t] - logProbsOld[i][t]);
                boolean clipBinds = (a > 0 && ratio > 1 + clipEpsilon) || (a < 0 && ratio < 1 - clipEpsilon);
                double dSurrogate = clipBinds ? 0.0 : ratio * a;
                grad[i][t] = (dSurrogate - beta * dk3(logProbsNew[i][t], logProbsRef[i][t])) / (g * (double) n);
            }
        }
        return grad;
    }
}
