package katagym.sorting;

import java.util.Comparator;
import katagym.grader.spec.Clause;

/** The contract every comparison sort kata shares; each kata names its own sub-interface. */
@Clause(id = "sortedByOrder", value = "After sort(items, order), items itself is in non-decreasing order under order: the comparator given, "
        + "which may answer any negative or positive number (not only -1 and 1), not the elements' natural order.")
@Clause(id = "permutation", value = "sort only rearranges items: every element it held is still there, exactly once; none is lost, duplicated or replaced.")
@Clause(id = "smallInputs", value = "An empty or one-element array is valid input and is left as it is, without a single comparison.")
public interface ComparisonSort {
    /**
     * Sorts {@code items} in place into the order {@code order} defines. Compare only through
     * {@code order}, and read its answer by sign only (any negative number means "less", any positive
     * one "greater"): the grader counts the calls. Empty and one-element arrays are valid input.
     */
    <T> void sort(T[] items, Comparator<? super T> order);
}
