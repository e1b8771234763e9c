package katagym.losses;

public class KlDivergenceReference implements KlDivergence {

    @Override
    public double kl(double[] p, double[] q) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) sum += p[i] * Math.log(p[i] / q[i]); // q[i] = 0 gives log(Infinity) = Infinity
        }
        return sum;
    }

    @Override
    public double entropy(double[] p) {
        double sum = 0;
        for (double v : p) if (v > 0) sum -= v * Math.log(v);
        return sum;
    }

    @Override
    public double crossEntropy(double[] p, double[] q) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) sum -= p[i] * Math.log(q[i]);
        }
        return sum;
    }
}
