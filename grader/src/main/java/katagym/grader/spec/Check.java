package katagym.grader.spec;

/**
 * One named check of a kata. The name reads as a sentence ({@code rowsSumToOne}); the hint, when
 * given, is what an interviewer would say on seeing this check fail.
 */
public record Check<C>(String name, CheckKind kind, String hint, Body<C> body) {

    @FunctionalInterface
    public interface Body<C> {
        void run(CheckContext<C> ctx) throws Exception;
    }

    public static <C> Check<C> of(CheckKind kind, String name, Body<C> body) {
        return new Check<>(name, kind, null, body);
    }

    public static <C> Check<C> oracle(String name, Body<C> body) { return of(CheckKind.ORACLE, name, body); }
    public static <C> Check<C> invariant(String name, Body<C> body) { return of(CheckKind.INVARIANT, name, body); }
    public static <C> Check<C> gradcheck(String name, Body<C> body) { return of(CheckKind.GRADCHECK, name, body); }
    public static <C> Check<C> golden(String name, Body<C> body) { return of(CheckKind.GOLDEN, name, body); }
    public static <C> Check<C> stability(String name, Body<C> body) { return of(CheckKind.STABILITY, name, body); }
    public static <C> Check<C> ops(String name, Body<C> body) { return of(CheckKind.OPS, name, body); }

    /** The same check with a hint shown when it fails. */
    public Check<C> hint(String text) { return new Check<>(name, kind, text, body); }
}
