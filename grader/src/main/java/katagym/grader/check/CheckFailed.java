package katagym.grader.check;

import katagym.grader.prop.Margin;

/** A check that did not hold, with a message a learner can act on, and by how much it missed. */
public class CheckFailed extends AssertionError implements Margin {
    private final double margin;

    public CheckFailed(String message) {
        this(message, Double.POSITIVE_INFINITY);
    }

    public CheckFailed(String message, double margin) {
        super(message);
        this.margin = margin;
    }

    @Override
    public double margin() { return margin; }
}
