package katagym.grader.prop;

/** A property of one generated value: returns normally when it holds, throws when it does not. */
@FunctionalInterface
public interface Property<T> {
    void check(T value) throws Exception;
}
