package katagym.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The learner's append-only files in {@code .kata/}, one JSON document a line: the run history, drill
 * answers, interview and review scorecards. Appending never rewrites what is there; reading skips a line
 * that does not parse (a write cut off, a hand edit) and keeps the rest.
 */
public final class JsonLines {
    /** Appends from the dashboard's threads and the CLI's go one at a time, so lines never interleave. */
    private static final Object APPEND = new Object();

    private JsonLines() {}

    /** Appends {@code value} as one line, creating the file and its folder if needed. */
    public static void append(Path file, ObjectMapper json, Object value) throws IOException {
        String line = json.writeValueAsString(value) + "\n";
        synchronized (APPEND) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** Every line that reads as a {@code type} and passes {@code keep}, oldest first (none when the file does not exist). */
    public static <T> List<T> read(Path file, ObjectMapper json, Class<T> type, Predicate<T> keep) {
        List<T> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (String line : lines) {
            if (line.isBlank()) continue;
            try {
                T value = json.readValue(line, type);
                if (keep.test(value)) out.add(value);
            } catch (IOException | RuntimeException skipped) {
                // one bad line must not hide the rest of the file
            }
        }
        return out;
    }
}
