package katagym.sorting;

/**
 * Kata {@code quick-sort}: in place, deterministic (the same input always costs the same comparisons),
 * at most 4 n log2 n + 4n comparisons on any input, sorted, reverse-sorted and all-equal included.
 * Not necessarily stable.
 */
public interface QuickSort extends ComparisonSort {}
