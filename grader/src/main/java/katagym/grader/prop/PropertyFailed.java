package katagym.grader.prop;

/** Thrown by {@link PropertyEngine#check} when a property is falsified; carries the shrunk case. */
public final class PropertyFailed extends AssertionError {
    private final transient Falsified falsified;

    public PropertyFailed(Falsified falsified) {
        super(falsified.message(), falsified.failure());
        this.falsified = falsified;
    }

    public Falsified falsified() { return falsified; }
}
