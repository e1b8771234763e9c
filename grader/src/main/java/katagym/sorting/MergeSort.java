package katagym.sorting;

/** Kata {@code merge-sort}: stable, sorts the given array, at most n * ceil(log2 n) comparisons. */
public interface MergeSort extends ComparisonSort {}
