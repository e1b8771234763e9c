package katagym.grader.run;

import java.security.SecureRandom;

/**
 * How a run grades. Every knob has a system property (for {@code mvn test -D...}) and a CLI flag:
 * <ul>
 *   <li>{@code kata.seed}: the run seed (random when absent); a failure's seed, given back here, replays it;</li>
 *   <li>{@code kata.tries}: generated cases per property (default 100);</li>
 *   <li>{@code kata.timeout}: milliseconds one kata may take (default 10000);</li>
 *   <li>{@code kata.strict}: pending counts as failed;</li>
 *   <li>{@code kata.only}: comma-separated slugs or topics to grade.</li>
 * </ul>
 * {@code oracleless} runs no check that compares the subject with the reference: the mode used to
 * measure how many bugs the other checks catch on their own (mutation testing).
 */
public record GradeOptions(long seed, int tries, long timeoutMs, boolean strict, boolean oracleless, String only) {
    public static final int DEFAULT_TRIES = 100;
    public static final long DEFAULT_TIMEOUT_MS = 10_000;

    public static GradeOptions defaults() {
        return new GradeOptions(randomSeed(), DEFAULT_TRIES, DEFAULT_TIMEOUT_MS, false, false, null);
    }

    public static long randomSeed() {
        return new SecureRandom().nextLong() & 0xFFFF_FFFF_FFFFL; // short enough to type
    }

    /** Options from system properties, with the defaults above. */
    public static GradeOptions fromSystemProperties() {
        String seed = blankToNull(System.getProperty("kata.seed"));
        return new GradeOptions(
                seed == null ? randomSeed() : Long.parseLong(seed),
                Integer.parseInt(System.getProperty("kata.tries", String.valueOf(DEFAULT_TRIES))),
                Long.parseLong(System.getProperty("kata.timeout", String.valueOf(DEFAULT_TIMEOUT_MS))),
                Boolean.parseBoolean(System.getProperty("kata.strict", "false")),
                Boolean.parseBoolean(System.getProperty("kata.oracleless", "false")),
                blankToNull(System.getProperty("kata.only")));
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }

    public GradeOptions withSeed(long s) { return new GradeOptions(s, tries, timeoutMs, strict, oracleless, only); }
    public GradeOptions withTries(int t) { return new GradeOptions(seed, t, timeoutMs, strict, oracleless, only); }
    public GradeOptions withTimeout(long ms) { return new GradeOptions(seed, tries, ms, strict, oracleless, only); }
    public GradeOptions withStrict(boolean s) { return new GradeOptions(seed, tries, timeoutMs, s, oracleless, only); }
    public GradeOptions withOracleless(boolean o) { return new GradeOptions(seed, tries, timeoutMs, strict, o, only); }
    public GradeOptions withOnly(String o) { return new GradeOptions(seed, tries, timeoutMs, strict, oracleless, o); }
}
