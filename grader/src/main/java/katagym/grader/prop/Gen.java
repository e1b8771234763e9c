package katagym.grader.prop;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator: turns choices drawn from a {@link Source} into a value. Because every random
 * decision goes through the source, a failing value is shrunk by shrinking its choice sequence,
 * with no shrinker per type.
 */
@FunctionalInterface
public interface Gen<T> {
    T generate(Source source);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return s -> f.apply(generate(s));
    }

    /** Keeps only values that satisfy {@code p}; others are discarded (and counted) by the engine. */
    default Gen<T> filter(Predicate<? super T> p) {
        return s -> {
            T v = generate(s);
            s.assume(p.test(v));
            return v;
        };
    }
}
