package katagym.sorting;

import katagym.grader.spec.Clause;

/**
 * Kata {@code insertion-sort}: stable, in place; n - 1 comparisons on sorted input, at most
 * n(n - 1)/2 on any input, and at most (inversions + n - 1) in general.
 */
@Clause(id = "stable", value = "Elements that compare equal keep their input order (the sort is stable).")
@Clause(id = "sortedInputBound", value = "Already sorted input of length n costs at most n - 1 comparisons.")
@Clause(id = "worstCaseBound", value = "Any input of length n (reverse-sorted included) costs at most n(n - 1)/2 comparisons.")
@Clause(id = "adaptiveBound", value = "Any input costs at most I + n - 1 comparisons, I its number of inversions "
        + "(pairs i < j with items[i] greater than items[j]): nearly sorted input is nearly linear.")
public interface InsertionSort extends ComparisonSort {}
