package katagym.sorting;

import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.that;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import katagym.grader.check.Counter;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.prop.Keyed;
import katagym.grader.spec.Check;
import katagym.grader.spec.CheckContext;

/**
 * Checks shared by the comparison sorts: a sorted permutation under the comparator given, stability
 * where promised, the reference's result, the smallest inputs, and comparison bounds on inputs of a
 * named shape.
 */
public final class SortChecks {
    private SortChecks() {}

    /**
     * By key, answering twice the key difference: a negative or positive number that is never exactly
     * -1 or 1 (a Comparator may answer any), so a sort that tests {@code compare(...) == 1} fails.
     * Keys stay small (at most a few thousand), so the difference cannot overflow.
     */
    public static final Comparator<Keyed> BY_KEY = (a, b) -> 2 * (a.key() - b.key());

    /** Natural order of Integers, answering -7 and 5 rather than -1 and 1. */
    static final Comparator<Integer> INTS = (a, b) -> a < b ? -7 : a > b ? 5 : 0;

    /**
     * Records with many duplicate keys: mostly up to 40 of them, one time in five 41 to 200 of a named
     * shape (so a top-level merge or partition sees long runs of equal keys).
     */
    public static Gen<Keyed[]> records() {
        Gen<Keyed[]> small = Gens.keyedRecords(0, 40);
        Gen<SortInputs.Shaped> large = SortInputs.shaped(41, 200, SortInputs.DUPLICATES, SortInputs.ALL_EQUAL,
                SortInputs.SHUFFLED, SortInputs.NEARLY_SORTED);
        return s -> s.chance(0.2) ? large.generate(s).items() : small.generate(s);
    }

    /** Sorted input of length 0..200 (distinct keys, ascending). */
    public static Gen<Keyed[]> sortedRecords() {
        return s -> SortInputs.ascending(s.intBetween(0, 200));
    }

    /** Runs the subject on a copy of {@code input}, counting comparisons on {@code counter}. */
    public static <S extends ComparisonSort> Keyed[] sorted(S sorter, Keyed[] input, Counter counter) {
        Keyed[] a = input.clone();
        sorter.sort(a, counter.counting(BY_KEY));
        return a;
    }

    /** The comparisons the subject makes sorting a copy of {@code input}. */
    public static long comparisons(ComparisonSort sorter, Keyed[] input) {
        Counter c = new Counter();
        sorted(sorter, input, c);
        return c.count();
    }

    /** Fails unless {@code out} is sorted by key and a permutation of {@code in} (the very same records). */
    public static void sortedPermutation(Keyed[] in, Keyed[] out) {
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
    }

    /** Fails unless equal keys of {@code out} appear in increasing input position. */
    public static void stable(Keyed[] out) {
        for (int i = 0; i + 1 < out.length; i++) {
            int k = i;
            that(out[k].key() != out[k + 1].key() || out[k].position() < out[k + 1].position(),
                    () -> "not stable: equal keys " + out[k] + " and " + out[k + 1] + " swapped their input order (key@position)");
        }
    }

    /**
     * An ops check: on every generated input, at most {@code bound} comparisons ({@code what} names the
     * bound in the message), and the result must still be a sorted permutation.
     */
    public static <S extends ComparisonSort> Check<S> atMost(String name, Gen<SortInputs.Shaped> inputs, String what,
            ToLongFunction<SortInputs.Shaped> bound) {
        return Check.<S>ops(name, ctx -> ctx.forAll(inputs, in -> countWithin(ctx, in, what, bound.applyAsLong(in))));
    }

    static <S extends ComparisonSort> void countWithin(CheckContext<S> ctx, SortInputs.Shaped in, String what, long bound) {
        Counter c = new Counter();
        Keyed[] out = sorted(ctx.subject(), in.items(), c);
        c.atMost("comparisons on " + in.shape() + " input of length " + in.n() + " (" + what + ")", bound);
        sortedPermutation(in.items(), out);
    }

    public static <S extends ComparisonSort> List<Check<S>> common(boolean stable) {
        List<Check<S>> checks = new ArrayList<>();
        checks.add(Check.<S>oracle(stable ? "sameOrderAsReference" : "sameKeysAsReference", ctx -> ctx.forAll(records(), in -> {
            Keyed[] expected = sorted(ctx.oracle(), in, new Counter());
            Keyed[] actual = sorted(ctx.subject(), in, new Counter());
            if (stable) equal("sorted records", expected, actual);
            else equal("sorted keys", keys(expected), keys(actual));
        })).enforces(stable ? new String[] {"sortedByOrder", "permutation", "stable"} : new String[] {"sortedByOrder", "permutation"})
            .hint(stable ? "Sorted by key, and among equal keys by input position (key@position): find the first index where yours differs."
                         : "The keys must come out in ascending order; find the first index where yours differs."));

        checks.add(Check.<S>invariant("outputIsASortedPermutation", ctx -> ctx.forAll(records(), in ->
            sortedPermutation(in, sorted(ctx.subject(), in, new Counter()))))
            .enforces("sortedByOrder", "permutation")
            .hint("Only move elements around (swap, shift, copy to a buffer and back): never overwrite one without saving it first."));

        checks.add(Check.<S>invariant("sortsIntegersByTheGivenComparator", ctx -> ctx.forAll(Gens.intArrays(0, 60, -1000, 1000), in -> {
            Integer[] ascending = Arrays.stream(in).boxed().toArray(Integer[]::new);
            ctx.subject().sort(ascending, INTS);
            int[] expected = in.clone();
            Arrays.sort(expected);
            equal("sorted with a comparator answering -7 / 0 / 5", expected, Arrays.stream(ascending).mapToInt(Integer::intValue).toArray());
            Integer[] descending = Arrays.stream(in).boxed().toArray(Integer[]::new);
            ctx.subject().sort(descending, INTS.reversed());
            int[] reversed = new int[expected.length];
            for (int i = 0; i < expected.length; i++) reversed[i] = expected[expected.length - 1 - i];
            equal("sorted with the reversed comparator (descending)", reversed, Arrays.stream(descending).mapToInt(Integer::intValue).toArray());
        })).enforces("sortedByOrder", "permutation")
            .hint("Read compare's answer by its sign only (< 0, > 0), never == 1 or == -1, and never fall back on the elements' natural order."));

        if (stable) {
            checks.add(Check.<S>invariant("equalKeysKeepTheirInputOrder", ctx -> ctx.forAll(records(), in ->
                stable(sorted(ctx.subject(), in, new Counter()))))
                .enforces("stable")
                .hint("On equal keys, never move an element past its equal: compare with > rather than >=."));
        }

        checks.add(Check.<S>example("handWorkedSmallInputs", ctx -> {
            S sorter = ctx.subject();
            ctx.example("items = [] (empty)", () -> {
                Counter c = new Counter();
                Keyed[] out = sorted(sorter, new Keyed[0], c);
                equal("length after sorting []", 0, out.length);
                c.exactly("comparisons sorting []", 0);
            });
            ctx.example("items = [5@0] (one element)", () -> {
                Counter c = new Counter();
                Keyed[] in = SortInputs.keyed(5);
                equal("[5@0] after sorting", in, sorted(sorter, in, c));
                c.exactly("comparisons sorting one element", 0);
            });
            ctx.example("items = [1@0, 0@1]", () -> {
                Keyed[] in = SortInputs.keyed(1, 0);
                equal("[1@0, 0@1] after sorting", new Keyed[] {in[1], in[0]}, sorted(sorter, in, new Counter()));
            });
            ctx.example("items = [2@0, 1@1, 2@2, 0@3] (the statement's example)", () -> {
                Keyed[] in = SortInputs.keyed(2, 1, 2, 0);
                Keyed[] out = sorted(sorter, in, new Counter());
                if (stable) equal("sorted (stable)", new Keyed[] {in[3], in[1], in[0], in[2]}, out);
                else equal("sorted keys", new int[] {0, 1, 2, 2}, keys(out));
            });
            if (stable) {
                ctx.example("items = [1@0, 1@1, 1@2, 0@3, 1@4] (equal keys around a smaller one)", () -> {
                    Keyed[] in = SortInputs.keyed(1, 1, 1, 0, 1);
                    equal("sorted (stable)", new Keyed[] {in[3], in[0], in[1], in[2], in[4]}, sorted(sorter, in, new Counter()));
                });
            }
            ctx.example("Integers [3, 1, 2] with the reversed comparator", () -> {
                Integer[] a = {3, 1, 2};
                sorter.sort(a, INTS.reversed());
                equal("descending", new Integer[] {3, 2, 1}, a);
            });
        }).enforces(stable ? new String[] {"smallInputs", "sortedByOrder", "permutation", "stable"} : new String[] {"smallInputs", "sortedByOrder", "permutation"})
            .hint("Empty and one-element arrays are already sorted: return before comparing anything. Then check the two-element case by hand."));
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
