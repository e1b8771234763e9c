package katagym.grader.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FollowUpsTest {
    @Test
    void questionsAreTheNumberedItemsOfTheFollowUpSection() {
        String md = "# T\n\n## Theory\n\n1. not a follow-up\n\n## Follow-up questions\n\n1. Why $x$?\n2. How,\n   on two lines?\n\n## After\n\n3. no\n";
        assertThat(FollowUps.questions(md)).containsExactly("Why $x$?", "How,\n   on two lines?");
    }

    @Test
    void aStatementWithoutFollowUpsHasNoQuestions() {
        assertThat(FollowUps.questions("# T\n\nText\n")).isEmpty();
    }

    @Test
    void answersAreTheNumberedItemsOfTheAnswersFileWithParagraphsKept() {
        String md = "# Softmax: model answers\n\n1. First.\n\n   More of the first.\n\n2. Second.\n";
        assertThat(FollowUps.answers(md)).containsExactly("First.\n\n   More of the first.", "Second.");
    }
}
