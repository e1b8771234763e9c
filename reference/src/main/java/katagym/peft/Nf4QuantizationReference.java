package katagym.peft;

public class Nf4QuantizationReference implements Nf4Quantization {

    /** The index of the level nearest to v; strict comparison keeps the lower index on a tie. */
    static int nearest(double v) {
        int best = 0;
        for (int j = 1; j < LEVELS.length; j++) {
            if (Math.abs(v - LEVELS[j]) < Math.abs(v - LEVELS[best])) best = j;
        }
        return best;
    }

    static double[] blockAbsmax(double[] x, int blockSize) {
        int blocks = (x.length + blockSize - 1) / blockSize;
        double[] absmax = new double[blocks];
        for (int i = 0; i < x.length; i++) absmax[i / blockSize] = Math.max(absmax[i / blockSize], Math.abs(x[i]));
        return absmax;
    }

    static Quantized quantizeWith(double[] x, int blockSize, double[] absmax) {
        int[] codes = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double m = absmax[i / blockSize];
            codes[i] = m == 0 ? 7 : nearest(x[i] / m);
        }
        return new Quantized(codes, absmax);
    }

    @Override
    public Quantized quantize(double[] x, int blockSize) {
        return quantizeWith(x, blockSize, blockAbsmax(x, blockSize));
    }

    @Override
    public double[] dequantize(int[] codes, double[] absmax, int blockSize) {
        double[] y = new double[codes.length];
        for (int i = 0; i < codes.length; i++) y[i] = LEVELS[codes[i]] * absmax[i / blockSize];
        return y;
    }
}
