package katagym.sorting;

import katagym.grader.spec.Clause;

/** Kata {@code heap-sort}: in place, not necessarily stable, at most 2 n ceil(log2 n) + 2n comparisons on any input. */
@Clause(id = "bound", value = "Any input of length n costs at most 2n * ceil(log2 n) + 2n comparisons (a bottom-up heap build "
        + "costs at most 2n, each sift-down two per level).")
public interface HeapSort extends ComparisonSort {}
