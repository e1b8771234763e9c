package katagym.grader.spec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One named check of a kata. The name reads as a sentence ({@code rowsSumToOne}); the hint is what
 * an interviewer would say on seeing this check fail; {@code clauses} are the ids of the contract's
 * {@link Clause}s this check enforces.
 */
public record Check<C>(String name, CheckKind kind, String hint, List<String> clauses, Body<C> body) {

    @FunctionalInterface
    public interface Body<C> {
        void run(CheckContext<C> ctx) throws Exception;
    }

    public static <C> Check<C> of(CheckKind kind, String name, Body<C> body) {
        return new Check<>(name, kind, null, List.of(), body);
    }

    public static <C> Check<C> oracle(String name, Body<C> body) { return of(CheckKind.ORACLE, name, body); }
    public static <C> Check<C> invariant(String name, Body<C> body) { return of(CheckKind.INVARIANT, name, body); }
    public static <C> Check<C> gradcheck(String name, Body<C> body) { return of(CheckKind.GRADCHECK, name, body); }
    public static <C> Check<C> golden(String name, Body<C> body) { return of(CheckKind.GOLDEN, name, body); }
    public static <C> Check<C> stability(String name, Body<C> body) { return of(CheckKind.STABILITY, name, body); }
    public static <C> Check<C> ops(String name, Body<C> body) { return of(CheckKind.OPS, name, body); }
    /** Fixed, hand-worked edge cases (ties, empties, a zero first gradient): they fail on every seed. */
    public static <C> Check<C> example(String name, Body<C> body) { return of(CheckKind.EXAMPLE, name, body); }

    /** The same check with a hint shown when it fails. */
    public Check<C> hint(String text) { return new Check<>(name, kind, text, clauses, body); }

    /** The same check, marked as enforcing these clause ids of the contract (added to any already given). */
    public Check<C> enforces(String... ids) {
        Set<String> all = new LinkedHashSet<>(clauses);
        all.addAll(List.of(ids));
        return new Check<>(name, kind, hint, List.copyOf(all), body);
    }
}
