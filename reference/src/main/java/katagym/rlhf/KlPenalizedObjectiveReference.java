package katagym.rlhf;

public class KlPenalizedObjectiveReference implements KlPenalizedObjective {

    @Override
    public double klEstimate(double[] logProbsPolicy, double[] logProbsSft) {
        double kl = 0;
        for (int t = 0; t < logProbsPolicy.length; t++) kl += logProbsPolicy[t] - logProbsSft[t];
        return kl;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    @Override
    public double objective(double reward, double[] logProbsPolicy, double[] logProbsSft,
                            double beta, double gamma, double[] pretrainLogProbs) {
        return reward - beta * klEstimate(logProbsPolicy, logProbsSft) + gamma * mean(pretrainLogProbs);
    }
}
