package katagym.sorting;

import katagym.grader.spec.Clause;

/**
 * Kata {@code quick-sort}: in place, deterministic (the same input always costs the same comparisons),
 * at most 4 n log2 n + 4n comparisons on sorted, reverse-sorted, all-equal, few-distinct-key, nearly
 * sorted and shuffled inputs. Not necessarily stable. Inputs built against a deterministic pivot rule
 * (a "median-of-three killer") can still be quadratic: the bound does not cover them.
 */
@Clause(id = "bound", value = "On sorted, reverse-sorted, all-equal, few-distinct-key, nearly sorted and shuffled inputs of length n >= 2 "
        + "(checked up to 400), at most 4 n log2 n + 4n comparisons; adversarial inputs built against the pivot rule are not covered.")
@Clause(id = "deterministic", value = "Sorting the same input twice costs the same number of comparisons.")
public interface QuickSort extends ComparisonSort {}
