package katagym.sorting;

/** Kata {@code bubble-sort}: stable, in place, early exit: n - 1 comparisons on sorted input, at most n(n - 1)/2 on any. */
public interface BubbleSort extends ComparisonSort {}
