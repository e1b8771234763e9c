package katagym.grader.report;

import katagym.grader.spec.CheckKind;

/**
 * One check's verdict. On failure: {@code message} says what came out and what was expected (and
 * the hint), {@code counterexample} is the smallest input found, {@code seed} replays it.
 */
public record CheckReport(String name, CheckKind kind, Status status, String message, String counterexample, Long seed) {
    public static CheckReport passed(String name, CheckKind kind) {
        return new CheckReport(name, kind, Status.PASSED, null, null, null);
    }
}
