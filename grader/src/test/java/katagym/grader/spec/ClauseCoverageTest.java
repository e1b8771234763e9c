package katagym.grader.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import katagym.grader.run.Implementations;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sentence of a contract that a wrong solution could violate is a {@link Clause}; this test
 * holds each spec to them: every clause has a check that enforces it, every enforced id names a real
 * clause, and every check carries a hint of its own and says which clauses it enforces.
 */
class ClauseCoverageTest {

    @TestFactory
    Stream<DynamicTest> everyClauseOfEveryContractHasACheck() {
        return katas().map(kata -> DynamicTest.dynamicTest(kata.slug(), () -> {
            KataSpec<?> spec = Implementations.spec(kata);
            Map<String, String> clauses = Clauses.of(spec.contract());
            assertThat(clauses).as("the contract %s declares its clauses (@Clause)", kata.contractClass()).isNotEmpty();
            Set<String> enforced = new LinkedHashSet<>();
            for (Check<?> c : spec.checks()) enforced.addAll(c.clauses());
            Set<String> missing = new LinkedHashSet<>(clauses.keySet());
            missing.removeAll(enforced);
            assertThat(missing).as("clauses of %s that no check enforces: %s", kata.slug(),
                    missing.stream().map(id -> id + " (\"" + clauses.get(id) + "\")").toList()).isEmpty();
            Set<String> unknown = new LinkedHashSet<>(enforced);
            unknown.removeAll(clauses.keySet());
            assertThat(unknown).as("checks of %s enforce clause ids the contract does not declare", kata.slug()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCheckHasItsOwnHintAndNamesItsClauses() {
        return katas().map(kata -> DynamicTest.dynamicTest(kata.slug(), () -> {
            for (Check<?> c : Implementations.spec(kata).checks()) {
                assertThat(c.hint()).as("%s · %s has a hint of its own", kata.slug(), c.name()).isNotBlank();
                assertThat(c.clauses()).as("%s · %s names the clauses it enforces", kata.slug(), c.name()).isNotEmpty();
            }
        }));
    }

    private static Stream<Kata> katas() {
        List<Kata> all = Catalogue.standard().select(System.getProperty("kata.only"));
        return all.stream();
    }
}
