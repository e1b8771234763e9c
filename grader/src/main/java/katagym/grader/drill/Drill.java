package katagym.grader.drill;

import java.util.List;
import java.util.Map;

/**
 * One concept drill, as read from {@code katas/src/main/resources/drills/<topic>.yaml} (the format is
 * DRILLS-FORMAT: id, curriculum, kind, question, the answer, explanation, see). One flat record for all
 * four kinds; the fields a kind does not use are empty.
 *
 * @param topic the catalogue topic the drill's file names
 * @param file the file it came from, for messages
 * @param options choice and multiple: the options, in the order shown
 * @param correct choice: the one correct option's index; multiple: every correct index, sorted
 * @param items order: the items in the correct order (shown shuffled)
 * @param value numeric: the answer
 * @param tolerance numeric: relative tolerance
 * @param unit numeric: the unit the answer is in ("" when none)
 * @param formula numeric: the name of the computation the test suite recomputes, or null
 * @param inputs numeric with a formula: its named inputs
 * @param see a kata slug, or {@code topic:<name>} for a topic page
 */
public record Drill(String id, String topic, String file, List<String> curriculum, Kind kind, String question,
                    List<String> options, List<Integer> correct, List<String> items, double value, double tolerance,
                    String unit, String formula, Map<String, Double> inputs, String explanation, String see) {

    public enum Kind {
        NUMERIC, CHOICE, MULTIPLE, ORDER;

        public String yamlName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** The default relative tolerance of a numeric drill that states none. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    /** The kata slug {@code see} names, or null when it names a topic page. */
    public String seeKata() { return see.startsWith("topic:") ? null : see; }

    /** The topic page {@code see} names ({@code topic:parallelism} gives parallelism), or null. */
    public String seeTopicPage() { return see.startsWith("topic:") ? see.substring("topic:".length()) : null; }

    /** Where the learner reads more, in the terminal: {@code ./kata show <slug-or-page>}. */
    public String seeCommand() { return "./kata show " + (seeKata() != null ? seeKata() : seeTopicPage()); }

    /** Where the learner reads more, on the dashboard. */
    public String seeUrl() { return seeKata() != null ? "/katas/" + seeKata() : "/topics/" + seeTopicPage(); }

    /** The labels options and items are shown with: a, b, c, ... (the learner may also type 1, 2, 3). */
    public static String label(int index) { return String.valueOf((char) ('a' + index)); }

    /** The options or items the learner chooses among (none for numeric). */
    public List<String> choices() {
        return kind == Kind.ORDER ? items : kind == Kind.NUMERIC ? List.of() : options;
    }
}
