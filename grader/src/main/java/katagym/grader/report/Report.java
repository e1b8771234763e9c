package katagym.grader.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One grading run: the document that {@code mvn test} and {@code ./kata grade} write, that the
 * dashboard ingests and that CI uploads. {@code ReportSchemaTest} fixes its shape.
 */
public record Report(int schemaVersion, String generatedAt, String runId, String subject, boolean strict,
                     long seed, Summary summary, List<KataReport> katas) {
    public static final int SCHEMA_VERSION = 1;

    public static Report of(String subject, boolean strict, long seed, List<KataReport> katas) {
        return new Report(SCHEMA_VERSION, Instant.now().toString(), UUID.randomUUID().toString(), subject, strict,
                seed, Summary.of(katas), List.copyOf(katas));
    }
}
