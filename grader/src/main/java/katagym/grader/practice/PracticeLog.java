package katagym.grader.practice;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import katagym.grader.report.JsonLines;

/**
 * The practice history, next to the run history in {@code .kata/}: interview scorecards in
 * {@code interviews.jsonl}, review sessions in {@code reviews.jsonl}, one JSON object a line, appended.
 * Gradings during a session are kept in its scorecard, never in {@code history.jsonl}: an interview's
 * blank copy is not the learner's solution.
 */
public final class PracticeLog {
    public static final String INTERVIEWS = ".kata/interviews.jsonl";
    public static final String REVIEWS = ".kata/reviews.jsonl";

    /** Lines written by a newer version may carry fields this one does not know: they are read, not refused. */
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path root;

    public PracticeLog(Path root) { this.root = root; }

    public Path interviewsFile() { return root.resolve(INTERVIEWS); }
    public Path reviewsFile() { return root.resolve(REVIEWS); }

    public List<Scorecard> interviews() { return read(interviewsFile()); }
    public List<Scorecard> reviews() { return read(reviewsFile()); }

    public Optional<Scorecard> interview(String id) {
        return interviews().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Appends the scorecard to the file of its mode. */
    public Path append(Scorecard s) {
        Path file = s.mode().equals(Scorecard.REVIEW) ? reviewsFile() : interviewsFile();
        try {
            JsonLines.append(file, JSON, s);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not append the scorecard to " + file, e);
        }
    }

    /** Oldest first; unreadable lines (cut off mid-write, hand-edited) are skipped. */
    static List<Scorecard> read(Path file) {
        return JsonLines.read(file, JSON, Scorecard.class, s -> s.id() != null && s.kata() != null && s.mode() != null);
    }
}
