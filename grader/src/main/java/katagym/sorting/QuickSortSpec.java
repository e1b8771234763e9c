package katagym.sorting;

import java.util.ArrayList;
import java.util.List;
import katagym.grader.check.Checks;
import katagym.grader.check.Counter;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class QuickSortSpec implements KataSpec<QuickSort> {
    @Override
    public Class<QuickSort> contract() { return QuickSort.class; }

    /** 4 n log2 n + 4n: about three times what median-of-three quick sort needs; a quadratic sort exceeds it from n of about 60. */
    static long bound(int n) {
        return n <= 1 ? 0 : (long) Math.ceil(4 * n * (Math.log(n) / Math.log(2))) + 4L * n;
    }

    @Override
    public List<Check<QuickSort>> checks() {
        List<Check<QuickSort>> checks = new ArrayList<>(SortChecks.<QuickSort>common(false));
        checks.add(SortChecks.<QuickSort>atMost("noQuadraticBlowUpOnSortedOrReversedInput",
                SortInputs.shaped(2, 400, SortInputs.SORTED, SortInputs.REVERSED, SortInputs.NEARLY_SORTED), "4 n log2 n + 4n", in -> bound(in.n()))
            .enforces("bound")
            .hint("The first (or last) element as pivot splits sorted input into 0 and n - 1: take the middle element, or the median of first, middle and last."));
        checks.add(SortChecks.<QuickSort>atMost("noQuadraticBlowUpOnAllEqualInput",
                SortInputs.shaped(2, 400, SortInputs.ALL_EQUAL, SortInputs.DUPLICATES), "4 n log2 n + 4n", in -> bound(in.n()))
            .enforces("bound")
            .hint("A Lomuto partition puts every element equal to the pivot on one side. Stop both Hoare scans on equal keys (and swap), or partition three ways: < pivot, = pivot, > pivot."));
        checks.add(SortChecks.<QuickSort>atMost("atMost4NLog2NComparisonsOnShuffledInput",
                SortInputs.shaped(2, 400, SortInputs.SHUFFLED), "4 n log2 n + 4n", in -> bound(in.n()))
            .enforces("bound")
            .hint("Each partition should cost about one comparison per element of its range: do not rescan, and do not compare a pair twice."));
        checks.add(Check.<QuickSort>ops("deterministic", ctx -> ctx.forAll(SortInputs.anyShape(0, 60), in -> {
            Counter first = new Counter();
            Counter second = new Counter();
            SortChecks.sorted(ctx.subject(), in.items(), first);
            SortChecks.sorted(ctx.subject(), in.items(), second);
            Checks.that(first.count() == second.count(), () -> "two sorts of the same " + in.shape() + " input cost "
                    + first.count() + " and " + second.count() + " comparisons");
        })).enforces("deterministic")
            .hint("Choose the pivot deterministically, or seed a new random generator inside each call of sort; a generator kept in a field (seeded or not) differs between calls."));
        checks.add(Check.<QuickSort>example("handWorkedCounts", ctx -> {
            for (int n : new int[] {100, 300}) {
                ctx.example("sorted and all-equal input of length " + n + " (the statement's table)", () -> {
                    Checks.that(SortChecks.comparisons(ctx.subject(), SortInputs.ascending(n)) <= bound(n),
                            () -> "sorted input of length " + n + " costs more than " + bound(n) + " comparisons");
                    Checks.that(SortChecks.comparisons(ctx.subject(), SortInputs.keyed(new int[n])) <= bound(n),
                            () -> "all-equal input of length " + n + " costs more than " + bound(n) + " comparisons");
                });
            }
        }).enforces("bound")
            .hint("These are the two inputs that make naive quick sort quadratic: the pivot choice decides the first, the handling of keys equal to the pivot the second."));
        return checks;
    }
}
