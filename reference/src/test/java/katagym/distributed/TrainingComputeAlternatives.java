package katagym.distributed;

/** Correct solutions unlike the reference. */
final class TrainingComputeAlternatives {
    private TrainingComputeAlternatives() {}

    /**
     * Activation bytes straight from the paper's formula s b h (34 + 5 a s / h) in double, rounded to a
     * long (exact below 2^53); N from sqrt(C / 6 / r); MFU as achieved FLOPs per GPU over one GPU's peak.
     */
    static final class DoubleFormulas implements TrainingCompute {
        @Override
        public double trainingFlops(long parameters, long tokens) {
            return (double) parameters * tokens * 6;
        }

        @Override
        public Allocation chinchillaOptimal(double computeFlops, double tokensPerParameter) {
            if (computeFlops <= 0 || tokensPerParameter <= 0 || Double.isNaN(computeFlops + tokensPerParameter)) {
                throw new IllegalArgumentException("positive budget and ratio");
            }
            double d = Math.sqrt(computeFlops * tokensPerParameter / 6);
            return new Allocation(d / tokensPerParameter, d);
        }

        @Override
        public long activationBytesPerLayer(long seq, long batch, long hidden, long heads, Recompute mode) {
            if (heads < 1 || hidden % heads != 0) throw new IllegalArgumentException("heads must divide hidden");
            double sbh = (double) seq * batch * hidden;
            double perElement = switch (mode) {
                case NONE -> 34 + 5.0 * heads * seq / hidden;
                case SELECTIVE -> 34;
                case FULL -> 2;
            };
            return Math.round(sbh * perElement);
        }

        @Override
        public double mfu(double tokensPerSecond, long parameters, int gpus, double peakFlopsPerGpu) {
            if (gpus < 1 || peakFlopsPerGpu <= 0 || Double.isNaN(peakFlopsPerGpu)) throw new IllegalArgumentException("gpus, peak");
            double perGpu = tokensPerSecond / gpus * 6 * parameters;
            return perGpu / peakFlopsPerGpu;
        }
    }
}
