package katagym.sorting;

/** Kata {@code selection-sort}: in place, not necessarily stable, exactly n(n - 1)/2 comparisons on every input. */
public interface SelectionSort extends ComparisonSort {}
