package katagym.grader.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kata statement (or a topic page) split into the parts the learner sees at different times.
 * The {@code ## Derivation} section holds the answers (backward formulas, stable rewrites): {@code ./kata show}
 * leaves it out unless asked ({@code --derivation}), {@code ./kata hint} reveals it as the last hint and the
 * dashboard shows it collapsed. A line {@code *Curriculum: L1, A4*} marks the curriculum points the page answers.
 */
public final class Statement {
    /** The heading of the hidden section. */
    public static final String DERIVATION = "## Derivation";
    private static final Pattern CURRICULUM = Pattern.compile("(?m)^\\*Curriculum: ([A-Z][0-9]+(?:, [A-Z][0-9]+)*)\\*\\s*$");

    private final String before;
    private final String derivation;
    private final String after;

    private Statement(String before, String derivation, String after) {
        this.before = before;
        this.derivation = derivation;
        this.after = after;
    }

    /** Splits markdown at its {@code ## Derivation} section (which runs to the next {@code ## } heading). */
    public static Statement parse(String markdown) {
        String text = markdown.replace("\r\n", "\n");
        int start = headingAt(text, DERIVATION, 0);
        if (start < 0) return new Statement(text, null, "");
        int bodyStart = text.indexOf('\n', start);
        bodyStart = bodyStart < 0 ? text.length() : bodyStart + 1;
        int end = nextHeading(text, bodyStart);
        return new Statement(text.substring(0, start), text.substring(bodyStart, end).strip(), text.substring(end));
    }

    private static int headingAt(String text, String heading, int from) {
        for (int i = from; i < text.length(); ) {
            int eol = text.indexOf('\n', i);
            String line = text.substring(i, eol < 0 ? text.length() : eol);
            if (line.strip().equals(heading)) return i;
            if (eol < 0) break;
            i = eol + 1;
        }
        return -1;
    }

    private static int nextHeading(String text, int from) {
        for (int i = from; i < text.length(); ) {
            int eol = text.indexOf('\n', i);
            String line = text.substring(i, eol < 0 ? text.length() : eol);
            if (line.startsWith("## ")) return i;
            if (eol < 0) break;
            i = eol + 1;
        }
        return text.length();
    }

    /** The markdown before the derivation (title, "What to write", "Worked example"). */
    public String before() { return before; }

    /** The markdown after the derivation (theory, follow-up questions). */
    public String after() { return after; }

    /** The body of the {@code ## Derivation} section (without its heading), if the statement has one. */
    public Optional<String> derivation() { return Optional.ofNullable(derivation); }

    /**
     * The statement without its derivation: what {@code ./kata show} prints by default. {@code placeholder}
     * (a line saying how to see it) stands where the derivation was; null leaves nothing there.
     */
    public String withoutDerivation(String placeholder) {
        if (derivation == null) return before;
        if (placeholder == null) return before + after;
        return before + (before.endsWith("\n\n") || before.isEmpty() ? "" : "\n") + placeholder + "\n\n" + after;
    }

    /** The whole statement, derivation included. */
    public String full() {
        return derivation == null ? before : before + DERIVATION + "\n\n" + derivation + "\n\n" + after;
    }

    /** The body of one {@code ## } section (without its heading), if present. */
    public static Optional<String> section(String markdown, String heading) {
        String text = markdown.replace("\r\n", "\n");
        int start = headingAt(text, heading, 0);
        if (start < 0) return Optional.empty();
        int bodyStart = text.indexOf('\n', start);
        if (bodyStart < 0) return Optional.of("");
        int end = nextHeading(text, bodyStart + 1);
        return Optional.of(text.substring(bodyStart + 1, end));
    }

    /** The curriculum ids the page marks with {@code *Curriculum: L1, L2*} lines, in order. */
    public static List<String> curriculum(String markdown) {
        List<String> ids = new ArrayList<>();
        Matcher m = CURRICULUM.matcher(markdown.replace("\r\n", "\n"));
        while (m.find()) ids.addAll(Arrays.asList(m.group(1).split(", ")));
        return ids;
    }
}
