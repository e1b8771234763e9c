package katagym.distributed;

public class TrainingComputeReference implements TrainingCompute {

    @Override
    public double trainingFlops(long parameters, long tokens) {
        return 6.0 * parameters * tokens;
    }

    @Override
    public Allocation chinchillaOptimal(double computeFlops, double tokensPerParameter) {
        if (!(computeFlops > 0) || !(tokensPerParameter > 0)) {
            throw new IllegalArgumentException("compute and tokens per parameter must be positive");
        }
        double n = Math.sqrt(computeFlops / (6.0 * tokensPerParameter));
        return new Allocation(n, tokensPerParameter * n);
    }

    @Override
    public long activationBytesPerLayer(long seq, long batch, long hidden, long heads, Recompute mode) {
        if (heads < 1 || hidden % heads != 0) throw new IllegalArgumentException("heads must divide hidden");
        long sbh = seq * batch * hidden;
        return switch (mode) {
            // s b h * 5 a s / h = 5 a s^2 b: whole, with no division
            case NONE -> 34 * sbh + 5 * heads * seq * seq * batch;
            case SELECTIVE -> 34 * sbh;
            case FULL -> 2 * sbh;
        };
    }

    @Override
    public double mfu(double tokensPerSecond, long parameters, int gpus, double peakFlopsPerGpu) {
        if (gpus < 1 || !(peakFlopsPerGpu > 0)) throw new IllegalArgumentException("gpus >= 1 and a positive peak");
        return 6.0 * parameters * tokensPerSecond / ((double) gpus * peakFlopsPerGpu);
    }
}
