package katagym.regularization;

public class EarlyStoppingReference implements EarlyStopping {

    @Override
    public Result run(double[] validationLosses, int patience, double minDelta) {
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        int wait = 0;
        for (int e = 0; e < validationLosses.length; e++) {
            if (validationLosses[e] < best - minDelta) {
                best = validationLosses[e];
                bestEpoch = e;
                wait = 0;
            } else {
                wait++;
                if (wait >= patience) return new Result(bestEpoch, e);
            }
        }
        return new Result(bestEpoch, -1);
    }
}
