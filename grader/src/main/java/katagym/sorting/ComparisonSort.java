package katagym.sorting;

import java.util.Comparator;

/** The contract every comparison sort kata shares; each kata names its own sub-interface. */
public interface ComparisonSort {
    /**
     * Sorts {@code items} in place into the order {@code order} defines. Compare only through
     * {@code order}: the grader counts the calls.
     */
    <T> void sort(T[] items, Comparator<? super T> order);
}
