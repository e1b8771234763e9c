package katagym.rlhf;

public class GaeReference implements Gae {

    @Override
    public Result estimate(double[] rewards, double[] values, boolean[] dones, double gamma, double lambda) {
        int n = rewards.length;
        double[] adv = new double[n];
        double[] ret = new double[n];
        double next = 0;
        for (int t = n - 1; t >= 0; t--) {
            double notDone = dones[t] ? 0 : 1;
            double delta = rewards[t] + gamma * values[t + 1] * notDone - values[t];
            next = delta + gamma * lambda * notDone * next;
            adv[t] = next;
            ret[t] = next + values[t];
        }
        return new Result(adv, ret);
    }
}
