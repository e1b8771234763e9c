package katagym;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.KataReport;
import katagym.grader.report.Status;
import katagym.grader.run.GradeOptions;
import katagym.grader.run.Grader;
import katagym.grader.run.Implementations;
import katagym.grader.run.ProjectRoot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's self-check, like rustlings' {@code dev check}: every catalogue entry has its
 * contract, spec, stub, reference and statement, the stub implements the contract, and the kata has
 * hints. With {@code -Dkata.dev=true} (the project's own CI) every stub must also still be pending,
 * so no solution ships in a stub; a learner's solved stubs do not trip it.
 */
class CatalogueIsCompleteTest {

    @TestFactory
    Stream<DynamicTest> everyKataHasItsParts() {
        return Catalogue.standard().select(System.getProperty("kata.only")).stream().map(k -> DynamicTest.dynamicTest(k.slug(), () -> {
            List<String> missing = new ArrayList<>();
            for (String cls : List.of(k.contractClass(), k.specClass(), k.stubClass(), k.referenceClass())) {
                if (!Implementations.exists(cls)) missing.add(cls);
            }
            assertThat(missing).as("classes of kata %s", k.slug()).isEmpty();
            Class<?> contract = Class.forName(k.contractClass());
            assertThat(contract).as("stub implements the contract").isAssignableFrom(Class.forName(k.stubClass()));
            assertThat(contract).as("reference implements the contract").isAssignableFrom(Class.forName(k.referenceClass()));
            assertThat(getClass().getClassLoader().getResource(k.statementResource())).as("statement " + k.statementPath()).isNotNull();
            assertThat(k.hints()).as("hints of " + k.slug()).hasSizeBetween(2, 3);
            var kinds = Implementations.spec(k).checks().stream().map(c -> c.kind()).collect(java.util.stream.Collectors.toSet());
            assertThat(kinds).as("check kinds of %s's spec (the catalogue lists %s)", k.slug(), k.checks()).containsAll(k.checks());
            assertThat(k.checks()).as("the catalogue lists the check kinds of " + k.slug()).isNotEmpty();
            assertThat(Files.exists(ProjectRoot.find().resolve(k.stubPath()))).as(k.stubPath()).isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyStubIsPendingInTheProjectItself() {
        return Catalogue.standard().select(System.getProperty("kata.only")).stream().map(k -> DynamicTest.dynamicTest(k.slug(), () -> {
            Assumptions.assumeTrue(Boolean.getBoolean("kata.dev"), "only with -Dkata.dev=true (the project's CI)");
            KataReport r = Grader.gradeStub(k, GradeOptions.defaults().withTries(5));
            assertThat(r.status()).as("the stub of %s must ship pending: %s", k.slug(), r.checks()).isEqualTo(Status.PENDING);
            assertThat(r.checks()).allMatch(c -> c.status() == Status.PENDING,
                    "every check pending (a stub that half-works teaches nothing)");
        }));
    }

    @org.junit.jupiter.api.Test
    void statementsNameTheirStubFile() throws Exception {
        for (Kata k : Catalogue.standard().select(System.getProperty("kata.only"))) {
            var url = getClass().getClassLoader().getResource(k.statementResource());
            if (url == null) continue; // reported by everyKataHasItsParts
            String text = new String(url.openStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).as(k.statementPath()).contains(k.stubPath().substring("katas/src/main/java/".length()));
            assertThat(text).as(k.statementPath() + " sections").contains("## What to write", "## Follow-up questions");
        }
    }
}
