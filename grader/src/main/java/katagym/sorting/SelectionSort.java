package katagym.sorting;

import katagym.grader.spec.Clause;

/** Kata {@code selection-sort}: in place, not necessarily stable, exactly n(n - 1)/2 comparisons on every input. */
@Clause(id = "exactCount", value = "Every input of length n, whatever its order or duplicates, costs exactly n(n - 1)/2 comparisons: "
        + "pass i compares items[i+1..n) with the smallest so far, never an element with itself, and no other comparison is made.")
public interface SelectionSort extends ComparisonSort {}
