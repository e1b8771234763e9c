package katagym.sorting;

/** Kata {@code heap-sort}: in place, not necessarily stable, at most 2 n ceil(log2 n) + 2n comparisons on any input. */
public interface HeapSort extends ComparisonSort {}
