package katagym.grader.prop;

import java.util.ArrayList;
import java.util.List;

/**
 * The shared generators. Every one draws only through {@link Source}, so all of them shrink.
 * Numeric generators mix simple values (small integers, zero), ordinary ones, tiny ones and, where
 * asked, extreme ones, because bugs hide at those edges; {@code GensTest} counts that they are reached.
 */
public final class Gens {
    private Gens() {}

    private static final long UNIT = 1L << 53;

    public static Gen<Integer> ints(int lo, int hi) {
        return s -> s.intBetween(lo, hi);
    }

    public static Gen<Boolean> booleans() {
        return s -> s.choice(1) == 1;
    }

    @SafeVarargs
    public static <T> Gen<T> oneOf(T... options) {
        return s -> options[(int) s.choice(options.length - 1)];
    }

    /** A fraction in [0, 1) that shrinks toward 0. */
    public static double unit(Source s) {
        return s.choice(UNIT - 1) / (double) UNIT;
    }

    /**
     * Doubles in {@code [lo, hi]}: mostly uniform, sometimes a whole number, about one in twenty
     * exactly a bound. Shrinks toward the point of the range nearest zero. The bound is the top of
     * one continuous scale rather than a branch of its own, so a failing bound shrinks smoothly to
     * the smallest failing magnitude.
     */
    public static Gen<Double> doubles(double lo, double hi) {
        if (!(lo <= hi)) throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        double anchor = Math.max(lo, Math.min(hi, 0.0));
        return s -> {
            int kind = s.weighted(0.15, 0.85);
            boolean up = s.choice(1) == 0;
            double t = unit(s);
            double v = kind == 0
                    ? anchor + (up ? 1 : -1) * Math.floor(t * 5)
                    : (up ? anchor + saturate(t) * (hi - anchor) : anchor - saturate(t) * (anchor - lo));
            return Math.max(lo, Math.min(hi, v));
        };
    }

    /** Maps [0, 1) onto [0, 1] with the top 5% landing exactly on 1. */
    private static double saturate(double t) {
        return Math.min(1.0, t * 1.05);
    }

    /** Ordinary doubles for most inputs: |x| up to 10, with zeros, small integers and tiny values. */
    public static Gen<Double> doubles() {
        Gen<Double> ordinary = doubles(-10, 10);
        return s -> s.weighted(0.9, 0.1) == 0 ? ordinary.generate(s) : tiny(s);
    }

    /** As many choices as {@code doubles(lo, hi)} (three): sign, exponent, mantissa. */
    private static double tiny(Source s) {
        boolean positive = s.choice(1) == 0;
        double exponent = -6 - s.choice(294); // magnitudes from 1e-6 down to 1e-300
        double v = (1 + unit(s)) * Math.pow(10, exponent);
        return positive ? v : -v;
    }

    /** Nonzero values with |x| <= 2e-6. */
    public static Gen<Double> tinies() {
        return Gens::tiny;
    }

    /** Large magnitudes: 100 <= |x| <= 1000 (1000 itself included). */
    public static Gen<Double> extremes() {
        return s -> {
            boolean positive = s.choice(1) == 0;
            double mag = 100 + Math.min(1.0, unit(s) * 1.1) * 900; // about 1 in 11 is exactly 1000
            return positive ? mag : -mag;
        };
    }

    /**
     * Logits as they reach a loss: ordinary values most of the time, extreme ones (up to ±1e3)
     * often enough that an unstable exp() overflows.
     */
    public static Gen<Double> logits() {
        Gen<Double> ordinary = doubles();
        Gen<Double> extreme = extremes();
        return s -> {
            if (s.weighted(0.75, 0.25) == 0) return ordinary.generate(s);
            s.choice(0); // pad to the ordinary branch's length, so shrinking can compare the two
            s.choice(0);
            return extreme.generate(s);
        };
    }

    /** A vector of exactly {@code n} elements. */
    public static Gen<double[]> vector(int n, Gen<Double> element) {
        return s -> {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = element.generate(s);
            return v;
        };
    }

    /**
     * A vector whose length lies in {@code [min, max]}. Beyond {@code min}, each element is preceded
     * by a "one more?" choice, so shrinking deletes elements by deleting spans.
     */
    public static Gen<double[]> vectors(int min, int max, Gen<Double> element) {
        return s -> {
            List<Double> out = new ArrayList<>();
            while (out.size() < max && (out.size() < min || s.chance(moreProbability(min, max)))) {
                out.add(element.generate(s));
            }
            double[] v = new double[out.size()];
            for (int i = 0; i < v.length; i++) v[i] = out.get(i);
            return v;
        };
    }

    private static double moreProbability(int min, int max) {
        double meanExtra = Math.max(1, (max - min) / 2.0);
        return meanExtra / (meanExtra + 1);
    }

    public static Gen<double[][]> matrix(int rows, int cols, Gen<Double> element) {
        return s -> {
            double[][] m = new double[rows][];
            for (int i = 0; i < rows; i++) m[i] = vector(cols, element).generate(s);
            return m;
        };
    }

    /** A matrix with rows in {@code [minRows, maxRows]} and columns in {@code [minCols, maxCols]}. */
    public static Gen<double[][]> matrices(int minRows, int maxRows, int minCols, int maxCols, Gen<Double> element) {
        return s -> {
            int cols = s.intBetween(minCols, maxCols);
            int rows = s.intBetween(minRows, maxRows);
            return matrix(rows, cols, element).generate(s);
        };
    }

    public static Gen<double[][][]> tensor3(int a, int b, int c, Gen<Double> element) {
        return s -> {
            double[][][] t = new double[a][][];
            for (int i = 0; i < a; i++) t[i] = matrix(b, c, element).generate(s);
            return t;
        };
    }

    /** A probability vector of length n: positive entries summing to 1 (some may be tiny). */
    public static Gen<double[]> distributions(int n) {
        return s -> {
            double[] w = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                w[i] = s.chance(0.1) ? 1e-9 : 0.05 + unit(s);
                sum += w[i];
            }
            for (int i = 0; i < n; i++) w[i] /= sum;
            return w;
        };
    }

    public static Gen<int[]> intArrays(int minLen, int maxLen, int lo, int hi) {
        return s -> {
            List<Integer> out = new ArrayList<>();
            while (out.size() < maxLen && (out.size() < minLen || s.chance(moreProbability(minLen, maxLen)))) {
                out.add(s.intBetween(lo, hi) );
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        };
    }

    /**
     * Int arrays drawn from a key space much smaller than their length, so equal keys are the rule:
     * the input that tells a stable sort from an unstable one.
     */
    public static Gen<int[]> keysWithDuplicates(int minLen, int maxLen) {
        return s -> {
            int distinct = s.intBetween(1, Math.max(1, maxLen / 4));
            return intArrays(minLen, maxLen, 0, distinct - 1).generate(s);
        };
    }

    /** Records with many duplicate keys, each remembering its input position. */
    public static Gen<Keyed[]> keyedRecords(int minLen, int maxLen) {
        return s -> {
            int[] keys = keysWithDuplicates(minLen, maxLen).generate(s);
            Keyed[] out = new Keyed[keys.length];
            for (int i = 0; i < keys.length; i++) out[i] = new Keyed(keys[i], i);
            return out;
        };
    }

    /** A permutation of 0..n-1 (Fisher–Yates; all-zero choices give the identity). */
    public static Gen<int[]> permutations(int n) {
        return s -> {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) p[i] = i;
            for (int i = n - 1; i > 0; i--) {
                int j = i - (int) s.choice(i);
                int t = p[i]; p[i] = p[j]; p[j] = t;
            }
            return p;
        };
    }

    /** Strings over an alphabet, length in [minLen, maxLen]. */
    public static Gen<String> strings(String alphabet, int minLen, int maxLen) {
        int[] cps = alphabet.codePoints().toArray();
        return s -> {
            StringBuilder sb = new StringBuilder();
            int n = 0;
            while (n < maxLen && (n < minLen || s.chance(moreProbability(minLen, maxLen)))) {
                sb.appendCodePoint(cps[(int) s.choice(cps.length - 1)]);
                n++;
            }
            return sb.toString();
        };
    }

    /**
     * Any Unicode text: ASCII most often, then Latin-1 and accented letters, Greek and Cyrillic,
     * CJK, emoji (outside the BMP, so surrogate pairs), and control characters.
     */
    public static Gen<String> unicodeText(int maxCodePoints) {
        return s -> {
            StringBuilder sb = new StringBuilder();
            int n = 0;
            while (n < maxCodePoints && s.chance(moreProbability(0, maxCodePoints))) {
                int block = s.weighted(0.4, 0.15, 0.1, 0.15, 0.15, 0.05);
                int cp = switch (block) {
                    case 0 -> 0x20 + (int) s.choice(0x7e - 0x20);
                    case 1 -> 0xA0 + (int) s.choice(0x17F - 0xA0);
                    case 2 -> 0x391 + (int) s.choice(0x44F - 0x391);
                    case 3 -> 0x4E00 + (int) s.choice(0x9FFF - 0x4E00);
                    case 4 -> 0x1F300 + (int) s.choice(0x1FAFF - 0x1F300);
                    default -> (int) s.choice(0x1F);
                };
                sb.appendCodePoint(cp);
                n++;
            }
            return sb.toString();
        };
    }
}
