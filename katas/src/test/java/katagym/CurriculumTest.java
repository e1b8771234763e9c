package katagym;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import katagym.grader.catalogue.Statement;
import katagym.grader.run.ProjectRoot;
import org.junit.jupiter.api.Test;

/**
 * The curriculum (katas/src/main/resources/curriculum.md) is answered: every point's id is marked by a line
 * {@code *Curriculum: L1, L2*} in the statement of a kata or on a topic page, and every marked id exists.
 */
class CurriculumTest {
    static final Path RESOURCES = ProjectRoot.find().resolve("katas/src/main/resources");

    /** The ids of curriculum.md, read as the drill data's checks read them. */
    static List<String> curriculumIds() {
        return katagym.grader.drill.Drills.curriculumIds(ProjectRoot.find());
    }

    /** Every statement and topic page, by its path relative to the resources folder. */
    static Map<String, String> pages() throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        for (Kata k : Catalogue.standard().katas()) {
            pages.put(k.statementResource(), Files.readString(RESOURCES.resolve(k.statementResource()), StandardCharsets.UTF_8));
        }
        Path topics = RESOURCES.resolve("topics");
        if (Files.isDirectory(topics)) {
            try (Stream<Path> files = Files.list(topics)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    pages.put("topics/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return pages;
    }

    @Test
    void theCurriculumHasItsIdsOnceEach() throws IOException {
        List<String> ids = curriculumIds();
        assertThat(ids).hasSizeGreaterThan(40).doesNotHaveDuplicates();
    }

    @Test
    void everyCurriculumPointIsMarkedOnAStatementOrATopicPage() throws IOException {
        Set<String> marked = new LinkedHashSet<>();
        for (String text : pages().values()) marked.addAll(Statement.curriculum(text));
        List<String> unanswered = new ArrayList<>(curriculumIds());
        unanswered.removeAll(marked);
        assertThat(unanswered).as("curriculum ids no statement or topic page marks with *Curriculum: ...*").isEmpty();
    }

    @Test
    void everyMarkedIdExistsAndEveryMarkIsWellFormed() throws IOException {
        List<String> ids = curriculumIds();
        for (var page : pages().entrySet()) {
            List<String> marked = Statement.curriculum(page.getValue());
            assertThat(marked).as("ids marked in " + page.getKey()).allMatch(ids::contains, "is a curriculum id").doesNotHaveDuplicates();
            long lines = page.getValue().lines().filter(l -> l.contains("Curriculum:")).count();
            long wellFormed = page.getValue().lines().filter(l -> l.matches("\\*Curriculum: [A-Z][0-9]+(, [A-Z][0-9]+)*\\*\\s*")).count();
            assertThat(wellFormed).as("every Curriculum line of " + page.getKey() + " reads *Curriculum: L1, L2*").isEqualTo(lines);
        }
    }

    @Test
    void topicPagesHaveATitleAndDoNotShadowAKata() throws IOException {
        for (var page : pages().entrySet()) {
            if (!page.getKey().startsWith("topics/")) continue;
            String name = page.getKey().substring("topics/".length(), page.getKey().length() - 3);
            assertThat(name).matches("[a-z0-9][a-z0-9-]*");
            assertThat(Catalogue.standard().find(name)).as("topic page " + name + " has a kata's slug").isEmpty();
            assertThat(page.getValue()).as(page.getKey()).startsWith("# ");
            assertThat(Statement.curriculum(page.getValue())).as("a topic page answers curriculum points: " + page.getKey()).isNotEmpty();
        }
    }
}
