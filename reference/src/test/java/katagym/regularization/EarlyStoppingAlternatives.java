package katagym.regularization;

/** Correct early-stopping solutions unlike the reference: the spec must pass them on every seed. */
final class EarlyStoppingAlternatives {
    private EarlyStoppingAlternatives() {}

    /** Epoch 0 taken as the first best before the loop; a deadline kept in a long, so it cannot overflow. */
    static final class LongDeadline implements EarlyStopping {
        @Override
        public Result run(double[] validationLosses, int patience, double minDelta) {
            double best = validationLosses[0];
            int bestEpoch = 0;
            long deadline = Math.max(patience, 1);
            for (int e = 1; e < validationLosses.length; e++) {
                if (validationLosses[e] < best - minDelta) {
                    best = validationLosses[e];
                    bestEpoch = e;
                    deadline = (long) e + Math.max(patience, 1);
                } else if (e >= deadline) {
                    return new Result(bestEpoch, e);
                }
            }
            return new Result(bestEpoch, -1);
        }
    }
}
