package katagym.grader.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The follow-up questions of a statement ({@code ## Follow-up questions}, a numbered list) and their model
 * answers, kept apart in {@link Kata#answersPath()} (a numbered list in the same order) so that reading a
 * statement never shows them: the interview shows them after the learner has answered in writing.
 */
public final class FollowUps {
    public static final String HEADING = "## Follow-up questions";
    private static final Pattern ITEM = Pattern.compile("(?m)^(\\d+)\\. ");

    private FollowUps() {}

    /** The statement's follow-up questions, in order (empty when it has none). */
    public static List<String> questions(String statementMarkdown) {
        return Statement.section(statementMarkdown, HEADING).map(FollowUps::numberedItems).orElse(List.of());
    }

    /** The answers of an answers file: its numbered list, item i answering question i. */
    public static List<String> answers(String answersMarkdown) {
        return numberedItems(answersMarkdown);
    }

    /** The items of a markdown numbered list ({@code 1. text}, continuation lines kept), stripped. */
    static List<String> numberedItems(String markdown) {
        String text = markdown.replace("\r\n", "\n");
        Matcher m = ITEM.matcher(text);
        List<Integer> starts = new ArrayList<>();
        List<Integer> bodies = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
            bodies.add(m.end());
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            String body = text.substring(bodies.get(i), end);
            int heading = body.indexOf("\n#");
            items.add((heading < 0 ? body : body.substring(0, heading)).strip());
        }
        return items;
    }
}
