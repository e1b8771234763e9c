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

    private static final double BELOW_ONE = Math.nextDown(1.0);

    /** A fraction in [0, 1), uniform; shrinks toward 0, then short fractions (0.5, 0.25, 0.75 ...). */
    public static double unit(Source s) {
        return s.real(0, BELOW_ONE, r -> r.nextDouble());
    }

    /**
     * Doubles in {@code [lo, hi]}: mostly uniform, sometimes a whole number near zero, about one in
     * twenty exactly a bound. Shrinks toward simple values: the point of the range nearest zero, whole
     * numbers, short fractions ({@link FloatLex}).
     */
    public static Gen<Double> doubles(double lo, double hi) {
        if (!(lo <= hi)) throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        double anchor = Math.max(lo, Math.min(hi, 0.0));
        return s -> s.real(lo, hi, r -> {
            boolean up = r.nextBoolean();
            if (r.nextDouble() < 0.15) return anchor + (up ? 1 : -1) * r.nextInt(5);
            double t = Math.min(1.0, r.nextDouble() * 1.05); // the top 5% land exactly on a bound
            return up ? anchor + t * (hi - anchor) : anchor - t * (anchor - lo);
        });
    }

    /**
     * Ordinary doubles for most inputs: |x| up to 10, with zeros and small integers, every decade from
     * 1e-6 to 10 (log-uniform), and tiny values down to 1e-300.
     */
    public static Gen<Double> doubles() {
        return s -> s.real(-10, 10, r -> {
            double u = r.nextDouble();
            double sign = r.nextBoolean() ? 1 : -1;
            if (u < 0.12) return sign * r.nextInt(5);
            if (u < 0.22) return sign * Math.pow(10, -6 + 7 * r.nextDouble());
            if (u < 0.32) return sign * tinyMagnitude(r);
            return -10 + 20 * r.nextDouble();
        });
    }

    /** Magnitudes from 1e-6 down to 1e-300, log-uniform. */
    private static double tinyMagnitude(java.util.SplittableRandom r) {
        return (1 + r.nextDouble()) * Math.pow(10, -6 - r.nextInt(295));
    }

    /** Nonzero values with |x| <= 2e-6, from 1e-6 down to 1e-300; they shrink to 1e-6 (never to 0). */
    public static Gen<Double> tinies() {
        return s -> {
            boolean positive = s.choice(1) == 0;
            double m = s.real(1e-300, 2e-6, Gens::tinyMagnitude);
            return positive ? m : -m;
        };
    }

    /** Large magnitudes: 100 <= |x| <= 1000 (1000 itself about one time in eleven); shrinks toward ±100. */
    public static Gen<Double> extremes() {
        return s -> {
            boolean positive = s.choice(1) == 0;
            double m = s.real(100, 1000, r -> 100 + Math.min(1.0, r.nextDouble() * 1.1) * 900);
            return positive ? m : -m;
        };
    }

    /**
     * Logits as they reach a loss: ordinary values most of the time, the decade 10 to 100 (where a
     * premature cut-off or saturation shows), and extreme ones up to ±1e3, often enough that an
     * unstable exp() overflows. Shrinks toward simple values of the smallest magnitude that fails.
     */
    public static Gen<Double> logits() {
        Gen<Double> ordinary = doubles();
        return s -> s.real(-1000, 1000, r -> {
            double u = r.nextDouble();
            double sign = r.nextBoolean() ? 1 : -1;
            if (u < 0.65) return ordinary.generate(Source.random(r.nextLong()));
            if (u < 0.80) return sign * Math.pow(10, 1 + r.nextDouble());
            return sign * (100 + Math.min(1.0, r.nextDouble() * 1.1) * 900);
        });
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
