package katagym.grader.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Topic pages: curriculum points no kata answers on its own, one markdown file each ({@code ./kata show TOPIC}, /topics/NAME). */
public final class TopicPages {
    /** Where they live, from the repository root. */
    public static final String DIR = "katas/src/main/resources/topics";

    private TopicPages() {}

    /** The topic pages present under {@code root}, by name (file name without {@code .md}), sorted; none without the folder. */
    public static List<String> names(Path root) {
        Path dir = root.resolve(DIR);
        if (!Files.isDirectory(dir)) return List.of();
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + DIR, e);
        }
    }
}
