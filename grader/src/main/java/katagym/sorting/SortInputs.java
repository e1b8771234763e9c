package katagym.sorting;

import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.prop.Keyed;

/**
 * Inputs for the comparison-count checks of the sorting katas: sorted, reversed, all-equal,
 * shuffled and duplicate-heavy arrays of records, each labelled with its shape and length.
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
                default -> throw new IllegalArgumentException("unknown shape " + shape);
            }
            Keyed[] items = new Keyed[n];
            for (int i = 0; i < n; i++) items[i] = new Keyed(keys[i], i);
            return new Shaped(shape, n, items);
        };
    }

    /** Every shape. */
    public static Gen<Shaped> anyShape(int minN, int maxN) {
        return shaped(minN, maxN, SORTED, REVERSED, ALL_EQUAL, SHUFFLED, DUPLICATES);
    }
}
