package katagym.testkit;

/** A toy contract for testing the grader itself: echo(x) must return x. */
public interface Echo {
    int echo(int x);
}
