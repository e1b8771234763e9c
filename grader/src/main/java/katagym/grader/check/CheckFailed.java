package katagym.grader.check;

/** A check that did not hold, with a message a learner can act on. */
public class CheckFailed extends AssertionError {
    public CheckFailed(String message) {
        super(message);
    }
}
