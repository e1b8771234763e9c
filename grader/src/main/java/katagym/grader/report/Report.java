package katagym.grader.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One grading run: the document that {@code mvn test} and {@code ./kata grade} write, that the
 * dashboard ingests and that CI uploads. {@code ReportSchemaTest} fixes its shape.
 */
public record Report(int schemaVersion, String generatedAt, String runId, String subject, boolean strict,
                     long seed, Summary summary, List<KataReport> katas,
                     @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                     Practice practice) {
    /** Version 2 added each kata's {@code lead}; the dashboard still reads version 1 (it derives the lead). */
    public static final int SCHEMA_VERSION = 2;
    public static final java.util.Set<Integer> READABLE_VERSIONS = java.util.Set.of(1, 2);

    /** A report without a practice summary (every report but an upload's). */
    public Report(int schemaVersion, String generatedAt, String runId, String subject, boolean strict, long seed,
                  Summary summary, List<KataReport> katas) {
        this(schemaVersion, generatedAt, runId, subject, strict, seed, summary, katas, null);
    }

    /** This report carrying the member's practice summary (null for none): what {@code ./kata grade --upload} sends. */
    public Report withPractice(Practice p) {
        return new Report(schemaVersion, generatedAt, runId, subject, strict, seed, summary, katas, p);
    }

    public static Report of(String subject, boolean strict, long seed, List<KataReport> katas) {
        return new Report(SCHEMA_VERSION, Instant.now().toString(), UUID.randomUUID().toString(), subject, strict,
                seed, Summary.of(katas), List.copyOf(katas));
    }
}
