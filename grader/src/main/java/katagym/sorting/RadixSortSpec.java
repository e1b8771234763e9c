package katagym.sorting;

import static katagym.grader.check.Checks.equal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import katagym.grader.prop.Gen;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

/**
 * The contract has no comparator, so comparisons cannot be counted, and plain ints carry no identity,
 * so the stability of the digit passes shows only through the final order: an unstable pass scrambles
 * what the earlier, less significant passes ordered.
 */
public final class RadixSortSpec implements KataSpec<RadixSort> {
    @Override
    public Class<RadixSort> contract() { return RadixSort.class; }

    /** Any int: small ones of both signs (many ties), ones that cross byte boundaries, the full range, and the edges. */
    static Gen<Integer> anyInt() {
        return s -> switch (s.weighted(0.3, 0.25, 0.3, 0.15)) {
            case 0 -> s.intBetween(-20, 20);
            case 1 -> s.intBetween(-70_000, 70_000);
            case 2 -> {
                boolean negative = s.choice(1) == 1;
                int magnitude = (int) s.choice(Integer.MAX_VALUE);
                yield negative ? -magnitude - 1 : magnitude; // -2^31 .. 2^31 - 1, shrinking toward 0
            }
            default -> EDGES[(int) s.choice(EDGES.length - 1)];
        };
    }

    private static final int[] EDGES = {
        0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1,
        255, 256, -255, -256, -257, 65_535, 65_536, -65_536, 1 << 24, -(1 << 24), 1 << 30, -(1 << 30)
    };

    /** Arrays of 0..60 ints. */
    static Gen<int[]> arrays() {
        Gen<Integer> element = anyInt();
        return s -> {
            List<Integer> out = new ArrayList<>();
            while (out.size() < 60 && s.chance(30.0 / 31)) out.add(element.generate(s));
            return out.stream().mapToInt(Integer::intValue).toArray();
        };
    }

    /** Arrays whose values all share the same high bytes and differ only in a few low bits, or the reverse. */
    static Gen<int[]> clustered() {
        return s -> {
            int n = s.intBetween(0, 40);
            int base = anyInt().generate(s);
            int shift = 8 * s.intBetween(0, 3);
            int[] a = new int[n];
            for (int i = 0; i < n; i++) a[i] = base ^ (s.intBetween(0, 15) << shift);
            return a;
        };
    }

    static int[] sortedBy(RadixSort sorter, int[] input) {
        int[] a = input.clone();
        sorter.sort(a);
        return a;
    }

    static int[] arraysSort(int[] input) {
        int[] a = input.clone();
        Arrays.sort(a);
        return a;
    }

    @Override
    public List<Check<RadixSort>> checks() {
        return List.of(
            Check.<RadixSort>oracle("sameResultAsReference", ctx -> ctx.forAll(arrays(), in ->
                equal("sorted", sortedBy(ctx.oracle(), in), sortedBy(ctx.subject(), in))))
                .enforces("signedOrder", "permutation", "inPlace")
                .hint("Compare with the reference on the counterexample: look for the first index that differs, and which byte of the two values differs."),

            Check.<RadixSort>invariant("equalsArraysSortOverTheFullIntRange", ctx -> ctx.forAll(arrays(), in ->
                equal("sorted (as Arrays.sort orders them)", arraysSort(in), sortedBy(ctx.subject(), in))))
                .enforces("signedOrder", "permutation", "inPlace")
                .hint("Two's complement puts negatives after positives when read as unsigned bytes: flip the sign bit (x ^ 0x80000000) before taking digits, or treat the top digit as signed."),

            Check.<RadixSort>invariant("equalsArraysSortWhenOnlyOneDigitVaries", ctx -> ctx.forAll(clustered(), in ->
                equal("sorted (as Arrays.sort orders them)", arraysSort(in), sortedBy(ctx.subject(), in))))
                .enforces("signedOrder", "permutation")
                .hint("Digit d is (key >>> (8 * d)) & 0xFF for d = 0..3; each pass must be a stable counting sort (place from the back, or from the front with start offsets)."),

            Check.<RadixSort>invariant("sortingSortedInputChangesNothing", ctx -> ctx.forAll(arrays(), in -> {
                int[] sorted = arraysSort(in);
                equal("sorted input after sorting", sorted, sortedBy(ctx.subject(), sorted));
            })).enforces("signedOrder", "inPlace")
                .hint("A stable pass never reorders keys whose digit is equal: already sorted input must come out exactly as it went in."),

            Check.<RadixSort>example("handWorkedEdges", ctx -> {
                RadixSort r = ctx.subject();
                ctx.example("a = [] (empty)", () -> equal("[] after sorting", new int[0], sortedBy(r, new int[0])));
                ctx.example("a = [7] (one element)", () -> equal("[7] after sorting", new int[] {7}, sortedBy(r, new int[] {7})));
                ctx.example("a = [-5, 3, MIN_VALUE, 256, -1, 3] (the statement's example)", () ->
                    equal("sorted", new int[] {Integer.MIN_VALUE, -5, -1, 3, 3, 256}, sortedBy(r, new int[] {-5, 3, Integer.MIN_VALUE, 256, -1, 3})));
                ctx.example("a = [1, MIN_VALUE, MAX_VALUE, 0, -1, MIN_VALUE + 1]", () ->
                    equal("sorted", new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1, Integer.MAX_VALUE},
                            sortedBy(r, new int[] {1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, Integer.MIN_VALUE + 1})));
                ctx.example("a = [256, 255, -256, -255, 65536, -65536, 16777216, -16777216] (byte boundaries)", () -> {
                    int[] in = {256, 255, -256, -255, 65536, -65536, 16777216, -16777216};
                    equal("sorted", arraysSort(in), sortedBy(r, in));
                });
                ctx.example("a = [-1, -5] (negatives only)", () -> equal("sorted", new int[] {-5, -1}, sortedBy(r, new int[] {-1, -5})));
            }).enforces("smallInputs", "signedOrder", "permutation", "inPlace")
                .hint("MIN_VALUE ^ 0x80000000 is 0 and MAX_VALUE ^ 0x80000000 is 0xFFFFFFFF: with that key, unsigned digit order is signed order. An empty array needs no pass at all.")
        );
    }
}
