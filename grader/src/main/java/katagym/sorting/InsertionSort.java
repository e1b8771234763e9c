package katagym.sorting;

/** Kata {@code insertion-sort}: stable, in place, n - 1 comparisons on sorted input. */
public interface InsertionSort extends ComparisonSort {}
