package katagym.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Where reports live: the latest run at {@code katas/target/kata-report.json} (or the reference's at
 * {@code reference/target/kata-report.json}), and every learner run appended, one JSON line each,
 * to {@code .kata/history.jsonl} at the repository root, which {@code mvn clean} does not touch.
 */
public final class ReportFiles {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    public ReportFiles(Path root) { this.root = root; }

    public Path latest(String subject) {
        return root.resolve(subject.equals("reference") ? "reference" : "katas").resolve("target").resolve("kata-report.json");
    }

    public Path history() { return root.resolve(".kata").resolve("history.jsonl"); }

    /** Writes the report atomically (temp file, then move) and, for learner runs, appends it to the history. */
    public Path write(Report report) {
        Path target = latest(report.subject());
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            PRETTY.writeValue(tmp.toFile(), report);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (report.subject().equals("katas")) JsonLines.append(history(), JSON, report);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + target, e);
        }
    }

    /** Past learner runs, oldest first; unreadable lines (a run cut off mid-write) are skipped. */
    public List<Report> readHistory() {
        return JsonLines.read(history(), JSON, Report.class, r -> true);
    }
}
