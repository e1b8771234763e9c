package katagym.testkit;

import katagym.grader.spec.Clause;

/** A toy contract for testing the grader itself: echo(x) must return x. */
public interface Echo {
    @Clause(id = "identity", value = "echo(x) returns x.")
    int echo(int x);
}
