package katagym.web.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Practice;
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
    /**
     * One JSON document, no duplicate keys, and no type coercion: a string or a fraction where a
     * number is expected, a number where a boolean or a string is expected, are refused.
     */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfigDefaults(c -> c
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .build();

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
            tree = STRICT.readTree(utf8(body));
        } catch (JsonProcessingException e) {
            throw new BadReport(400, "malformed JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) throw new BadReport(400, "the report must be a JSON object");
        JsonNode version = tree.get("schemaVersion");
        if (version == null) throw new BadReport(422, "schemaVersion is missing");
        if (!version.isInt()) throw new BadReport(422, "schemaVersion must be a whole number, not " + version);
        if (!Report.READABLE_VERSIONS.contains(version.asInt())) {
            throw new BadReport(422, "unknown schemaVersion " + version.asText() + ": this dashboard reads versions "
                    + Report.READABLE_VERSIONS.stream().sorted().map(String::valueOf).toList());
        }
        if (version.asInt() == 1) upgradeFromVersionOne(tree);
        // practice is optional: a report without it (every older client's) reads as practice null
        if (!tree.has("practice")) ((com.fasterxml.jackson.databind.node.ObjectNode) tree).putNull("practice");
        Report r;
        try {
            r = STRICT.treeToValue(tree, Report.class);
        } catch (JsonProcessingException e) {
            throw new BadReport(422, "the report does not follow the schema: " + e.getOriginalMessage());
        }
        check(r);
        return r;
    }

    /**
     * The body as text, when it is UTF-8 and nothing else: no byte-order mark, no UTF-16 or UTF-32
     * (which Jackson would otherwise detect and accept), no NUL byte, no malformed sequence.
     */
    private static String utf8(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            throw new BadReport(400, "the body starts with a byte-order mark: send UTF-8 without one");
        }
        for (byte b : body) {
            if (b == 0) throw new BadReport(400, "the body holds a NUL byte: send the report as UTF-8 JSON (not UTF-16 or UTF-32)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new BadReport(400, "the body is not valid UTF-8");
        }
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
            require(k.durationMs() >= 0, "kata " + k.slug() + " has a negative durationMs");
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
        if (r.practice() != null) checkPractice(r.practice());
    }

    /** The longest time to pass a scorecard can claim: the longest time box (600 minutes). */
    static final long MAX_SECONDS_TO_PASS = 600 * 60;
    static final int MAX_HINTS = 100;
    static final int MAX_ATTEMPTS = 100_000;
    static final long MAX_DAYS_OVERDUE = 36_500;

    /** A practice summary: bounded lists, known katas, each overdue kata once, plausible numbers. */
    private void checkPractice(Practice p) {
        require(p.interviews() != null, "practice.interviews is missing");
        require(p.overdue() != null, "practice.overdue is missing");
        require(p.interviews().size() <= Practice.MAX_INTERVIEWS, "practice.interviews holds at most " + Practice.MAX_INTERVIEWS + " scorecards");
        require(p.overdue().size() <= catalogue.katas().size(), "practice.overdue lists more katas than the catalogue has");
        for (Practice.InterviewSummary i : p.interviews()) {
            require(i != null && i.kata() != null, "practice.interviews: a scorecard without a kata");
            require(catalogue.find(i.kata()).isPresent(), "practice.interviews: unknown kata slug: " + i.kata());
            require(i.startedAt() != null && i.startedAt().length() <= 40, "practice.interviews: startedAt is missing");
            try {
                Instant.parse(i.startedAt());
            } catch (DateTimeParseException e) {
                throw new BadReport(422, "practice.interviews: startedAt is not an ISO-8601 instant: " + i.startedAt());
            }
            require(i.passed() == (i.secondsToPass() != null), "practice.interviews: secondsToPass is a number exactly when passed is true");
            require(i.secondsToPass() == null || (i.secondsToPass() >= 0 && i.secondsToPass() <= MAX_SECONDS_TO_PASS),
                    "practice.interviews: secondsToPass must be 0 to " + MAX_SECONDS_TO_PASS);
            require(i.hints() >= 0 && i.hints() <= MAX_HINTS, "practice.interviews: hints must be 0 to " + MAX_HINTS);
            require(i.attempts() >= 0 && i.attempts() <= MAX_ATTEMPTS, "practice.interviews: attempts must be 0 to " + MAX_ATTEMPTS);
        }
        Set<String> seen = new HashSet<>();
        for (Practice.OverdueReview o : p.overdue()) {
            require(o != null && o.kata() != null, "practice.overdue: an entry without a kata");
            require(catalogue.find(o.kata()).isPresent(), "practice.overdue: unknown kata slug: " + o.kata());
            require(seen.add(o.kata()), "practice.overdue: kata " + o.kata() + " appears twice");
            require(o.daysOverdue() >= 0 && o.daysOverdue() <= MAX_DAYS_OVERDUE, "practice.overdue: daysOverdue must be 0 to " + MAX_DAYS_OVERDUE);
        }
    }

    private static void bounded(String s, String what) {
        require(s == null || s.length() <= MAX_STRING, what + " longer than " + MAX_STRING + " characters");
    }

    private static void require(boolean ok, String reason) {
        if (!ok) throw new BadReport(422, reason);
    }
}
