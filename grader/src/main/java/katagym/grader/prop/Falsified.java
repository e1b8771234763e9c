package katagym.grader.prop;

/**
 * A property that failed: the smallest failing value found, why it failed there, the seed of the
 * case that first failed (replaying it gives the same shrunk value), and what the search cost.
 */
public record Falsified(Object value, String description, Throwable failure, long seed,
                        int casesTried, int shrinkSteps, int discarded) {

    /** One line: the exception type when it is not an assertion, and its message. */
    public String message() {
        return PropertyEngine.explain(failure);
    }
}
