package katagym.grader.prop;

/**
 * A failure that knows by how much it failed: its difference divided by the tolerance. The shrinker
 * will not trade a clear failure for one near the tolerance (a margin under {@link #CLEAR}), where a
 * real bug reads as rounding noise.
 */
public interface Margin {
    /** Failures at least this many tolerances off are clear. */
    double CLEAR = 1000;

    /** The difference over the tolerance; infinite for a NaN, an infinity or a wrong shape. */
    double margin();

    static double of(Throwable t) {
        return t instanceof Margin m ? m.margin() : Double.POSITIVE_INFINITY;
    }
}
