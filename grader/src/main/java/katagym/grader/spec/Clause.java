package katagym.grader.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One sentence of a contract that a wrong solution could violate, with a short id. It stands on the
 * contract interface (a clause of every method) or on one method. Each clause is enforced by at least
 * one check of the kata's spec ({@link Check#enforces}); {@code ClauseCoverageTest} lists any clause
 * without a check, and a failing check shows the sentence it enforces.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Clause.List.class)
public @interface Clause {
    /** A short camelCase id, unique within the contract ({@code newArray}, {@code rowsSumToOne}). */
    String id();

    /** The sentence itself, as the learner should read it. */
    String value();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        Clause[] value();
    }
}
