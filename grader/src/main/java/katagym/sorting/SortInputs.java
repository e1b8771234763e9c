package katagym.sorting;

import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.prop.Keyed;

/**
 * Inputs for the comparison-count checks of the sorting katas: sorted, reversed, all-equal,
 * shuffled, duplicate-heavy and nearly sorted arrays of records, each labelled with its shape and length.
 */
public final class SortInputs {
    private SortInputs() {}

    /** An input of a named shape; {@code shape} and {@code n} print first in a counterexample. */
    public record Shaped(String shape, int n, Keyed[] items) {}

    public static final String SORTED = "sorted";
    public static final String REVERSED = "reversed";
    public static final String ALL_EQUAL = "all-equal";
    public static final String SHUFFLED = "shuffled";
    public static final String DUPLICATES = "few-distinct-keys";
    /** Sorted, then one to three elements each moved to another place (a "turtle" moved to the back needs many bubble passes). */
    public static final String NEARLY_SORTED = "nearly-sorted";

    /** Inputs of length {@code minN..maxN} in one of the given shapes. Shrinks toward the first shape and the shortest length. */
    public static Gen<Shaped> shaped(int minN, int maxN, String... shapes) {
        return s -> {
            String shape = shapes[(int) s.choice(shapes.length - 1)];
            int n = s.intBetween(minN, maxN);
            int[] keys = new int[n];
            switch (shape) {
                case SORTED -> { for (int i = 0; i < n; i++) keys[i] = i; }
                case REVERSED -> { for (int i = 0; i < n; i++) keys[i] = n - 1 - i; }
                case ALL_EQUAL -> { /* all zero */ }
                case SHUFFLED -> keys = Gens.permutations(n).generate(s);
                case DUPLICATES -> {
                    int distinct = s.intBetween(1, Math.max(1, n / 8));
                    for (int i = 0; i < n; i++) keys[i] = s.intBetween(0, distinct - 1);
                }
                case NEARLY_SORTED -> {
                    for (int i = 0; i < n; i++) keys[i] = i;
                    int moves = n < 2 ? 0 : s.intBetween(1, 3);
                    for (int m = 0; m < moves; m++) move(keys, s.intBetween(0, n - 1), s.intBetween(0, n - 1));
                }
                default -> throw new IllegalArgumentException("unknown shape " + shape);
            }
            Keyed[] items = new Keyed[n];
            for (int i = 0; i < n; i++) items[i] = new Keyed(keys[i], i);
            return new Shaped(shape, n, items);
        };
    }

    /** Moves keys[from] to index to, shifting the elements in between. */
    private static void move(int[] keys, int from, int to) {
        int x = keys[from];
        if (from < to) System.arraycopy(keys, from + 1, keys, from, to - from);
        else System.arraycopy(keys, to, keys, to + 1, from - to);
        keys[to] = x;
    }

    /** Every shape. */
    public static Gen<Shaped> anyShape(int minN, int maxN) {
        return shaped(minN, maxN, SORTED, REVERSED, ALL_EQUAL, SHUFFLED, DUPLICATES, NEARLY_SORTED);
    }

    /** Records as {@code n} ascending distinct keys. */
    public static Keyed[] ascending(int n) {
        Keyed[] a = new Keyed[n];
        for (int i = 0; i < n; i++) a[i] = new Keyed(i, i);
        return a;
    }

    /** Records from the given keys, positions 0, 1, 2, ... */
    public static Keyed[] keyed(int... keys) {
        Keyed[] a = new Keyed[keys.length];
        for (int i = 0; i < keys.length; i++) a[i] = new Keyed(keys[i], i);
        return a;
    }
}
