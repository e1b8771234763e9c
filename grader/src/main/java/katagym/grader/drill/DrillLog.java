package katagym.grader.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The learner's drill answers, one JSON line each in {@code .kata/drills.jsonl}: the one store the
 * terminal ({@code ./kata drill}) and the dashboard both append to and read.
 */
public final class DrillLog {
    public static final String FILE = ".kata/drills.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Appends from the dashboard's threads go one at a time, so lines never interleave. */
    private static final Object APPEND = new Object();

    /** One answer: which drill, whether it was right, what was given, and when (an ISO-8601 instant). */
    public record Answer(String drill, String topic, List<String> curriculum, boolean correct, String given, String answeredAt) {
        public Instant at() { return Instant.parse(answeredAt); }
    }

    private final Path file;

    public DrillLog(Path root) { this.file = root.resolve(FILE); }

    public Path file() { return file; }

    /** Records an answer to {@code drill}, given at {@code at}. */
    public Answer record(Drill drill, boolean correct, String given, Instant at) {
        Answer a = new Answer(drill.id(), drill.topic(), drill.curriculum(), correct, given, at.toString());
        String line;
        try {
            line = JSON.writeValueAsString(a) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        synchronized (APPEND) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record the answer in " + FILE, e);
            }
        }
        return a;
    }

    /** Every answer recorded, oldest first; a line that cannot be read (a torn write, a hand edit) is skipped. */
    public List<Answer> read() {
        if (!Files.exists(file)) return List.of();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
        List<Answer> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) continue;
            try {
                Answer a = JSON.readValue(line, Answer.class);
                if (a.drill() != null && a.answeredAt() != null) {
                    a.at();
                    out.add(a);
                }
            } catch (IOException | RuntimeException e) {
                // skipped: one bad line must not hide the rest of the history
            }
        }
        return out;
    }
}
