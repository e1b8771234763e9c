package katagym.grader.spec;

import java.util.List;

/**
 * What a kata must do, written once and run against any implementation of its contract {@code C}:
 * the learner's stub, the reference, a fixture bug, or a mutant. The reference is the oracle.
 * Specs are found by name from the slug (see {@link katagym.grader.catalogue.Kata#specClass()}).
 */
public interface KataSpec<C> {
    Class<C> contract();

    List<Check<C>> checks();
}
