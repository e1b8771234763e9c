package katagym.peft;

public class Int8QuantizationReference implements Int8Quantization {

    static double absmax(double[] x) {
        double m = 0;
        for (double v : x) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** Math.rint rounds half to even, as torch.round and numpy.round do. */
    static int code(double v, double scale) {
        double q = Math.rint(v / scale);
        return (int) Math.max(-127, Math.min(127, q));
    }

    @Override
    public Quantized quantize(double[] x) {
        double scale = absmax(x) / 127;
        int[] codes = new int[x.length];
        if (scale == 0) return new Quantized(codes, 0.0);
        for (int i = 0; i < x.length; i++) codes[i] = code(x[i], scale);
        return new Quantized(codes, scale);
    }

    @Override
    public double[] dequantize(int[] codes, double scale) {
        double[] y = new double[codes.length];
        for (int i = 0; i < codes.length; i++) y[i] = codes[i] * scale;
        return y;
    }
}
