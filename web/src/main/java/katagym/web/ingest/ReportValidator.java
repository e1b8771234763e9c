package katagym.web.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Report;
import katagym.grader.report.Status;
import katagym.grader.report.Summary;

/**
 * Checks an uploaded report before anything is stored: size, JSON syntax, schema version, required
 * fields, known kata slugs, a summary that matches its katas, and bounded strings.
 */
public final class ReportValidator {
    /** The largest report accepted: the full catalogue with long messages fits in a tenth of it. */
    public static final int MAX_BYTES = 1 << 20;
    static final int MAX_STRING = 20_000;
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private final Catalogue catalogue;

    public ReportValidator(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Report validate(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new BadReport(413, "report too large: " + body.length + " bytes, the limit is " + MAX_BYTES);
        }
        if (body.length == 0) throw new BadReport(400, "empty body: send the report JSON");
        JsonNode tree;
        try {
            tree = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadReport(400, "malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new BadReport(400, "unreadable body: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) throw new BadReport(400, "the report must be a JSON object");
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) throw new BadReport(422, "schemaVersion is missing");
        if (!Report.READABLE_VERSIONS.contains(version.asInt())) {
            throw new BadReport(422, "unknown schemaVersion " + version.asText() + ": this dashboard reads versions "
                    + Report.READABLE_VERSIONS.stream().sorted().map(String::valueOf).toList());
        }
        if (version.asInt() == 1) upgradeFromVersionOne(tree);
        Report r;
        try {
            r = STRICT.treeToValue(tree, Report.class);
        } catch (JsonProcessingException e) {
            throw new BadReport(422, "the report does not follow the schema: " + e.getOriginalMessage());
        }
        check(r);
        return r;
    }

    /** Version 1 had no {@code lead}: the kata's lead is then derived from its checks, as the grader does. */
    private static void upgradeFromVersionOne(JsonNode tree) {
        JsonNode katas = tree.get("katas");
        if (katas == null || !katas.isArray()) return; // the mapping below says what is wrong
        for (JsonNode k : katas) {
            if (!k.isObject()) continue;
            if (k.has("lead")) throw new BadReport(422, "schemaVersion 1 has no lead field: send schemaVersion 2");
            ((com.fasterxml.jackson.databind.node.ObjectNode) k).putNull("lead");
        }
    }

    public Report validate(String body) {
        return validate(body.getBytes(StandardCharsets.UTF_8));
    }

    private void check(Report r) {
        require(r.runId() != null && RUN_ID.matcher(r.runId()).matches(), "runId must be 1-100 letters, digits, '-' or '_'");
        require(r.generatedAt() != null, "generatedAt is missing");
        try {
            Instant.parse(r.generatedAt());
        } catch (DateTimeParseException e) {
            throw new BadReport(422, "generatedAt is not an ISO-8601 instant: " + r.generatedAt());
        }
        require(r.subject() != null && !r.subject().isBlank() && r.subject().length() <= 200, "subject must be 1-200 characters");
        require(r.summary() != null, "summary is missing");
        require(r.katas() != null, "katas is missing");
        Set<String> seen = new HashSet<>();
        for (KataReport k : r.katas()) {
            require(k != null && k.slug() != null, "a kata without a slug");
            require(catalogue.find(k.slug()).isPresent(), "unknown kata slug: " + k.slug());
            require(seen.add(k.slug()), "kata " + k.slug() + " appears twice");
            require(k.status() != null, "kata " + k.slug() + " has no status");
            require(k.checks() != null, "kata " + k.slug() + " has no checks list");
            bounded(k.topic(), "topic");
            bounded(k.title(), "title");
            for (CheckReport c : k.checks()) {
                require(c != null && c.name() != null && c.kind() != null && c.status() != null,
                        "kata " + k.slug() + " has a check without name, kind or status");
                bounded(c.name(), "check name");
                bounded(c.message(), "message");
                bounded(c.counterexample(), "counterexample");
            }
            bounded(k.lead(), "lead");
            require(k.lead() == null || k.checks().stream().anyMatch(c -> c.status() == Status.FAILED && k.lead().equals(c.name())),
                    "kata " + k.slug() + ": lead " + k.lead() + " names no failed check");
        }
        Summary s = Summary.of(r.katas());
        require(s.equals(r.summary()), "summary " + r.summary() + " does not match the katas listed (" + s + ")");
    }

    private static void bounded(String s, String what) {
        require(s == null || s.length() <= MAX_STRING, what + " longer than " + MAX_STRING + " characters");
    }

    private static void require(boolean ok, String reason) {
        if (!ok) throw new BadReport(422, reason);
    }
}
