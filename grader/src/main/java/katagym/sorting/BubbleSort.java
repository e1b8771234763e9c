package katagym.sorting;

import katagym.grader.spec.Clause;

/**
 * Kata {@code bubble-sort}: stable, in place, early exit: n - 1 comparisons on sorted input, at most
 * n(n - 1)/2 on any, and no pass after the first one without a swap.
 */
@Clause(id = "stable", value = "Elements that compare equal keep their input order (the sort is stable).")
@Clause(id = "sortedInputBound", value = "Already sorted input of length n costs at most n - 1 comparisons (one pass, no swap).")
@Clause(id = "worstCaseBound", value = "Any input of length n costs at most n(n - 1)/2 comparisons: each pass is one shorter than the last.")
@Clause(id = "earlyExit", value = "Sorting stops after the first pass without a swap: with L the largest number of greater elements "
        + "standing before any one element, at most min(L + 1, n - 1) passes of lengths n - 1, n - 2, ... are made.")
public interface BubbleSort extends ComparisonSort {}
