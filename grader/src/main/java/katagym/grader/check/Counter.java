package katagym.grader.check;

import java.util.Comparator;

/**
 * Counts operations for bounds such as "n - 1 comparisons on sorted input": counted, never timed,
 * so the bound holds on any machine.
 */
public final class Counter {
    private long count;

    public void tick() { count++; }

    public long count() { return count; }

    /** A comparator that counts each call on this counter. */
    public <T> Comparator<T> counting(Comparator<T> inner) {
        return (a, b) -> {
            count++;
            return inner.compare(a, b);
        };
    }

    /** Fails when more than {@code bound} operations were counted. */
    public void atMost(String what, long bound) {
        Checks.that(count <= bound, () -> what + ": " + count + " operations, at most " + bound + " allowed");
    }

    public void exactly(String what, long expected) {
        Checks.that(count == expected, () -> what + ": " + count + " operations, expected exactly " + expected);
    }
}
