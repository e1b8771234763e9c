package katagym;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.FollowUps;
import katagym.grader.catalogue.Kata;
import katagym.grader.run.ProjectRoot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mock interview asks a statement's follow-up questions and then shows the model answers: every kata
 * has an answers file, kept apart from its statement, with one answer per follow-up question, in order.
 */
class FollowUpAnswersTest {
    static Stream<Kata> katas() { return Catalogue.standard().katas().stream(); }

    private static String read(String path) throws IOException {
        return Files.readString(ProjectRoot.find().resolve(path), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("katas")
    void everyFollowUpQuestionHasOneModelAnswerInTheSameOrder(Kata k) throws IOException {
        List<String> questions = FollowUps.questions(read(k.statementPath()));
        assertThat(questions).as("%s has follow-up questions", k.statementPath()).isNotEmpty();
        Path answers = ProjectRoot.find().resolve(k.answersPath());
        assertThat(answers).as("model answers for %s", k.slug()).exists();
        List<String> given = FollowUps.answers(read(k.answersPath()));
        assertThat(given).as("%s: one answer per follow-up question", k.answersPath()).hasSameSizeAs(questions);
        assertThat(given).as("%s: no empty answer", k.answersPath()).allSatisfy(a -> assertThat(a).hasSizeGreaterThan(40));
        assertThat(read(k.answersPath())).as("%s: math delimiters balanced", k.answersPath())
                .satisfies(t -> assertThat(t.replace("\\$", "").chars().filter(c -> c == '$').count() % 2).isZero());
    }
}
