package katagym.grader.check;

/**
 * When two doubles count as equal: {@code |a - b| <= abs + rel * max(|a|, |b|)}. NaN equals NaN and
 * an infinity equals the same infinity, so a reference that is meant to overflow can be matched.
 */
public record Tolerance(double rel, double abs) {
    /** The catalogue's default: relative 1e-9, absolute 1e-12. */
    public static final Tolerance DEFAULT = new Tolerance(1e-9, 1e-12);
    public static final Tolerance EXACT = new Tolerance(0, 0);

    public static Tolerance of(double rel, double abs) { return new Tolerance(rel, abs); }

    public boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) return Double.isNaN(expected) && Double.isNaN(actual);
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) return expected == actual;
        return Math.abs(expected - actual) <= abs + rel * Math.max(Math.abs(expected), Math.abs(actual));
    }

    @Override
    public String toString() {
        return this.equals(EXACT) ? "exact" : "rel " + rel + ", abs " + abs;
    }
}
