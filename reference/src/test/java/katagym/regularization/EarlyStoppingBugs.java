package katagym.regularization;

/** Plausible learner bugs the early-stopping spec must catch. */
final class EarlyStoppingBugs {
    private EarlyStoppingBugs() {}

    /** Compares each loss with the previous epoch's loss instead of the best so far. */
    static final class ComparesWithTheLastLoss implements EarlyStopping {
        @Override
        public Result run(double[] validationLosses, int patience, double minDelta) {
            double previous = Double.POSITIVE_INFINITY;
            int bestEpoch = -1, wait = 0;
            for (int e = 0; e < validationLosses.length; e++) {
                if (validationLosses[e] < previous - minDelta) {
                    bestEpoch = e;
                    wait = 0;
                } else if (++wait >= patience) {
                    return new Result(bestEpoch, e);
                }
                previous = validationLosses[e];
            }
            return new Result(bestEpoch, -1);
        }
    }

    /** Counts any decrease as an improvement: min-delta is ignored. */
    static final class IgnoresMinDelta extends EarlyStoppingReference {
        @Override
        public Result run(double[] validationLosses, int patience, double minDelta) {
            return super.run(validationLosses, patience, 0.0);
        }
    }

    /** Stops when wait exceeds patience (wait > patience): one epoch too late. */
    static final class StopsOneEpochLate extends EarlyStoppingReference {
        @Override
        public Result run(double[] validationLosses, int patience, double minDelta) {
            return super.run(validationLosses, patience + 1, minDelta);
        }
    }

    /** Reports the last epoch as the stop epoch when training never stopped, instead of -1. */
    static final class NeverStoppingReportsTheLastEpoch extends EarlyStoppingReference {
        @Override
        public Result run(double[] validationLosses, int patience, double minDelta) {
            Result r = super.run(validationLosses, patience, minDelta);
            return r.stopEpoch() == -1 ? new Result(r.bestEpoch(), validationLosses.length - 1) : r;
        }
    }

    /** Uses <= for an improvement: a loss exactly min-delta below the best counts. */
    static final class ImprovementIsNotStrict implements EarlyStopping {
        @Override
        public Result run(double[] validationLosses, int patience, double minDelta) {
            double best = Double.POSITIVE_INFINITY;
            int bestEpoch = -1, wait = 0;
            for (int e = 0; e < validationLosses.length; e++) {
                if (validationLosses[e] <= best - minDelta) {
                    best = validationLosses[e];
                    bestEpoch = e;
                    wait = 0;
                } else if (++wait >= patience) {
                    return new Result(bestEpoch, e);
                }
            }
            return new Result(bestEpoch, -1);
        }
    }

    /** Keeps a deadline bestEpoch + patience instead of a counter: with a huge patience the int sum overflows and it stops at once. */
    static final class DeadlineOverflows implements EarlyStopping {
        @Override
        public Result run(double[] validationLosses, int patience, double minDelta) {
            double best = Double.POSITIVE_INFINITY;
            int bestEpoch = -1, deadline = 0;
            for (int e = 0; e < validationLosses.length; e++) {
                if (validationLosses[e] < best - minDelta) {
                    best = validationLosses[e];
                    bestEpoch = e;
                    deadline = e + Math.max(patience, 1);
                } else if (e >= deadline) {
                    return new Result(bestEpoch, e);
                }
            }
            return new Result(bestEpoch, -1);
        }
    }

    /** Starts best at 1e9 instead of +Infinity: a first loss above 1e9 is not an improvement. */
    static final class BestStartsAtOneBillion implements EarlyStopping {
        @Override
        public Result run(double[] validationLosses, int patience, double minDelta) {
            double best = 1e9;
            int bestEpoch = 0, wait = 0;
            for (int e = 0; e < validationLosses.length; e++) {
                if (validationLosses[e] < best - minDelta) {
                    best = validationLosses[e];
                    bestEpoch = e;
                    wait = 0;
                } else if (++wait >= patience) {
                    return new Result(bestEpoch, e);
                }
            }
            return new Result(bestEpoch, -1);
        }
    }

    /** Lowers best to every new minimum, even one within min-delta that does not count as an improvement. */
    static final class BestFollowsEveryNewMinimum implements EarlyStopping {
        @Override
        public Result run(double[] validationLosses, int patience, double minDelta) {
            double best = Double.POSITIVE_INFINITY;
            int bestEpoch = -1, wait = 0;
            for (int e = 0; e < validationLosses.length; e++) {
                double loss = validationLosses[e];
                if (loss < best - minDelta) {
                    bestEpoch = e;
                    wait = 0;
                } else if (++wait >= patience) {
                    return new Result(bestEpoch, e);
                }
                best = Math.min(best, loss);
            }
            return new Result(bestEpoch, -1);
        }
    }
}
