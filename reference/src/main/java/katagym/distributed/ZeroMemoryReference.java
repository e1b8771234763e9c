package katagym.distributed;

public class ZeroMemoryReference implements ZeroMemory {

    @Override
    public Bytes perGpu(int stage, long parameters, int gpus, int optimizerBytesPerParam) {
        if (stage < 0 || stage > 3) throw new IllegalArgumentException("stage must be 0..3, was " + stage);
        double psi = parameters;
        double params = 2 * psi;
        double grads = 2 * psi;
        double optimizer = (double) optimizerBytesPerParam * psi;
        if (stage >= 1) optimizer /= gpus;
        if (stage >= 2) grads /= gpus;
        if (stage >= 3) params /= gpus;
        return new Bytes(params, grads, optimizer);
    }
}
