package katagym.grader.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementTest {
    static final String MD = """
            # Title

            ## What to write

            contract

            ## Worked example

            numbers

            ## Derivation

            dx = SECRET

            ## The theory an interviewer probes

            - theory

            *Curriculum: L1, A4*

            ## Follow-up questions

            1. why?
            """;

    @Test
    void theDerivationRunsToTheNextSectionAndCanBeLeftOut() {
        Statement s = Statement.parse(MD);
        assertThat(s.derivation()).contains("dx = SECRET");
        assertThat(s.before()).endsWith("numbers\n\n").doesNotContain("SECRET");
        assertThat(s.after()).startsWith("## The theory an interviewer probes").contains("## Follow-up questions");
        assertThat(s.withoutDerivation("HIDDEN")).contains("numbers\n\nHIDDEN\n\n## The theory").doesNotContain("SECRET");
        assertThat(s.withoutDerivation(null)).doesNotContain("SECRET").doesNotContain("Derivation");
        assertThat(s.full()).isEqualTo(MD);
    }

    @Test
    void windowsLineEndingsAndALastSectionDerivationWork() {
        Statement s = Statement.parse(MD.replace("\n", "\r\n"));
        assertThat(s.derivation()).contains("dx = SECRET");
        Statement last = Statement.parse("# T\n\n## Derivation\n\nonly this\n");
        assertThat(last.derivation()).contains("only this");
        assertThat(last.after()).isEmpty();
        assertThat(Statement.parse("# T\n\n## What to write\n\nx\n").derivation()).isEmpty();
        assertThat(Statement.parse("# T\n\n### Derivation\n\nx\n").derivation()).as("only a level-2 heading").isEmpty();
    }

    @Test
    void sectionsAndCurriculumMarks() {
        assertThat(Statement.section(MD, "## What to write")).contains("\ncontract\n\n");
        assertThat(Statement.section(MD, "## Nope")).isEmpty();
        assertThat(Statement.curriculum(MD)).containsExactly("L1", "A4");
        assertThat(Statement.curriculum("Curriculum: L1\n*Curriculum: L2,L3*\n")).as("malformed lines do not count").isEmpty();
    }
}
