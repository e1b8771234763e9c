package katagym.grader.drill;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import katagym.grader.report.JsonLines;

/**
 * The learner's drill answers, one JSON line each in {@code .kata/drills.jsonl}: the one store the
 * terminal ({@code ./kata drill}) and the dashboard both append to and read.
 */
public final class DrillLog {
    public static final String FILE = ".kata/drills.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
        try {
            JsonLines.append(file, JSON, a);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the answer in " + FILE, e);
        }
        return a;
    }

    /** Every answer recorded, oldest first; a line that cannot be read (a torn write, a hand edit) is skipped. */
    public List<Answer> read() {
        return JsonLines.read(file, JSON, Answer.class, a -> a.drill() != null && a.answeredAt() != null && a.at() != null);
    }
}
