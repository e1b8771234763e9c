package katagym.grader.check;

/** Small array helpers for specs: flatten matrices for the gradient checker and back. */
public final class Tensors {
    private Tensors() {}

    public static double[] flat(double[][] m) {
        int n = 0;
        for (double[] r : m) n += r.length;
        double[] out = new double[n];
        int k = 0;
        for (double[] r : m) for (double v : r) out[k++] = v;
        return out;
    }

    public static double[] flat(double[][][] t) {
        int n = 0;
        for (double[][] m : t) for (double[] r : m) n += r.length;
        double[] out = new double[n];
        int k = 0;
        for (double[][] m : t) for (double[] r : m) for (double v : r) out[k++] = v;
        return out;
    }

    public static double[][] matrix(double[] flat, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) System.arraycopy(flat, i * cols, m[i], 0, cols);
        return m;
    }

    public static double[][][] tensor3(double[] flat, int a, int b, int c) {
        double[][][] t = new double[a][b][c];
        int k = 0;
        for (int i = 0; i < a; i++) for (int j = 0; j < b; j++) for (int l = 0; l < c; l++) t[i][j][l] = flat[k++];
        return t;
    }

    /** Sum of elementwise products: the scalar loss {@code <upstream, y>} used for gradient checks. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    public static double dot(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += dot(a[i], b[i]);
        return s;
    }
}
