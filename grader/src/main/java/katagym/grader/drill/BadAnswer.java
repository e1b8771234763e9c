package katagym.grader.drill;

/** An answer that cannot be read (not a number, a label that is not shown, an incomplete order): nothing is recorded. */
public final class BadAnswer extends IllegalArgumentException {
    public BadAnswer(String message) { super(message); }
}
