package katagym.sorting;

import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.that;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import katagym.grader.check.Counter;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.prop.Keyed;
import katagym.grader.spec.Check;

/** Checks shared by the comparison sorts: a sorted permutation, stability where promised, the reference's result. */
public final class SortChecks {
    private SortChecks() {}

    public static final Comparator<Keyed> BY_KEY = Comparator.comparingInt(Keyed::key);

    /** Records with many duplicate keys, up to 40 of them. */
    public static Gen<Keyed[]> records() { return Gens.keyedRecords(0, 40); }

    /** Sorted input of length 0..200 (distinct keys, ascending). */
    public static Gen<Keyed[]> sortedRecords() {
        return s -> {
            int n = s.intBetween(0, 200);
            Keyed[] a = new Keyed[n];
            for (int i = 0; i < n; i++) a[i] = new Keyed(i, i);
            return a;
        };
    }

    /** Runs the subject on a copy of {@code input}, counting comparisons on {@code counter}. */
    public static <S extends ComparisonSort> Keyed[] sorted(S sorter, Keyed[] input, Counter counter) {
        Keyed[] a = input.clone();
        sorter.sort(a, counter.counting(BY_KEY));
        return a;
    }

    public static <S extends ComparisonSort> List<Check<S>> common(boolean stable) {
        List<Check<S>> checks = new ArrayList<>();
        checks.add(Check.<S>oracle(stable ? "sameOrderAsReference" : "sameKeysAsReference", ctx -> ctx.forAll(records(), in -> {
            Keyed[] expected = sorted(ctx.oracle(), in, new Counter());
            Keyed[] actual = sorted(ctx.subject(), in, new Counter());
            if (stable) equal("sorted records", expected, actual);
            else equal("sorted keys", keys(expected), keys(actual));
        })));
        checks.add(Check.<S>invariant("outputIsASortedPermutation", ctx -> ctx.forAll(records(), in -> {
            Keyed[] out = sorted(ctx.subject(), in, new Counter());
            that(out.length == in.length, () -> "the array changed length");
            for (int i = 0; i + 1 < out.length; i++) {
                int k = i;
                that(out[k] != null && out[k + 1] != null, () -> "null at index " + k + " after sorting");
                that(out[k].key() <= out[k + 1].key(), () -> "not sorted at index " + k + ": " + out[k] + " before " + out[k + 1]);
            }
            boolean[] seen = new boolean[in.length];
            for (Keyed r : out) {
                that(r != null && r.position() < seen.length && !seen[r.position()] && in[r.position()] == r,
                        () -> "the output is not a permutation of the input: " + r + " is lost, duplicated or invented");
                seen[r.position()] = true;
            }
        })));
        checks.add(Check.<S>invariant("sortsIntegersLikeArraysSort", ctx -> ctx.forAll(Gens.intArrays(0, 60, -1000, 1000), in -> {
            Integer[] boxed = Arrays.stream(in).boxed().toArray(Integer[]::new);
            ctx.subject().sort(boxed, Comparator.naturalOrder());
            int[] expected = in.clone();
            Arrays.sort(expected);
            equal("sorted", expected, Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
        })));
        if (stable) {
            checks.add(Check.<S>invariant("equalKeysKeepTheirInputOrder", ctx -> ctx.forAll(records(), in -> {
                Keyed[] out = sorted(ctx.subject(), in, new Counter());
                for (int i = 0; i + 1 < out.length; i++) {
                    int k = i;
                    that(out[k].key() != out[k + 1].key() || out[k].position() < out[k + 1].position(),
                            () -> "not stable: equal keys " + out[k] + " and " + out[k + 1] + " swapped their input order (key@position)");
                }
            })).hint("On equal keys, never move an element past its equal: compare with > rather than >=."));
        }
        return checks;
    }

    static int[] keys(Keyed[] a) {
        return Arrays.stream(a).mapToInt(Keyed::key).toArray();
    }

    /** ceil(log2 n) for n >= 1. */
    public static long ceilLog2(long n) {
        return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }
}
