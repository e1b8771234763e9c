package katagym.grader.spec;

import katagym.grader.prop.Gen;
import katagym.grader.prop.Property;

/** What a check body is given: the subject, the oracle, and the property engine. */
public interface CheckContext<C> {
    /** The implementation under test. */
    C subject();

    /** The reference solution, used as the oracle. */
    C oracle();

    /** Checks the property on generated values; a failure is shrunk and reported with its seed. */
    <T> void forAll(Gen<T> gen, Property<T> property);

    /** As {@link #forAll(Gen, Property)} with a different number of cases (for costly checks). */
    <T> void forAll(int tries, Gen<T> gen, Property<T> property);

    /**
     * One fixed case (a named example, an edge case, a golden vector): a failure is reported with
     * {@code description} as its counterexample.
     */
    void example(String description, Example example);

    /** The golden vectors of this kata ({@code golden/<slug>.json}). */
    Golden golden();

    @FunctionalInterface
    interface Example {
        void run() throws Exception;
    }
}
