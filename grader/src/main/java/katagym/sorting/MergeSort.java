package katagym.sorting;

import katagym.grader.spec.Clause;

/** Kata {@code merge-sort}: stable, the result in the given array, at most n * ceil(log2 n) comparisons. */
@Clause(id = "stable", value = "Elements that compare equal keep their input order (the sort is stable).")
@Clause(id = "bound", value = "Any input of length n (sorted, reversed, all-equal, shuffled, few distinct keys) costs at most n * ceil(log2 n) comparisons.")
public interface MergeSort extends ComparisonSort {}
