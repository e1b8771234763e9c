package katagym.grader.drill;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * A drill as put to the learner: the options of a choice drill and the items of an order drill in a
 * shuffled order (an order drill's never in the answer's own order), labelled a, b, c, so neither the place
 * of the right option nor the order written in the data gives the answer away. Grades the learner's text.
 *
 * @param shown {@code shown.get(label)} is the index in the data (for an order drill: the position in the
 *              correct order) of the option or item shown with that label; empty for a numeric drill
 */
public record Asked(Drill drill, List<Integer> shown) {

    /** Asks {@code drill}, shuffling its options or items with {@code random}. */
    public static Asked of(Drill drill, Random random) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < drill.choices().size(); i++) shown.add(i);
        Collections.shuffle(shown, random);
        if (drill.kind() == Drill.Kind.ORDER) {
            boolean identity = true;
            for (int i = 0; i < shown.size(); i++) identity &= shown.get(i) == i;
            if (identity) Collections.rotate(shown, 1); // shown in the right order, there would be nothing to do
        }
        return new Asked(drill, List.copyOf(shown));
    }

    /** The options or items in the order shown, each with its label. */
    public List<String> shownChoices() {
        List<String> out = new ArrayList<>();
        for (int i : shown) out.add(drill.choices().get(i));
        return out;
    }

    /** The outcome of one answer: whether it is right, and the answer as recorded (labels resolved to text for an order). */
    public record Graded(boolean correct, String given) {}

    /** Grades the learner's text: see {@link Answers} for what each kind accepts. */
    public Graded grade(String text) {
        if (text == null || text.isBlank()) throw new BadAnswer("type an answer");
        String input = text.strip();
        return switch (drill.kind()) {
            case NUMERIC -> {
                double v = Answers.number(input, drill.unit());
                double err = Math.abs(v - drill.value());
                boolean ok = drill.value() == 0 ? err <= drill.tolerance() : err <= drill.tolerance() * Math.abs(drill.value());
                yield new Graded(ok, input);
            }
            case CHOICE -> {
                List<Integer> labels = Answers.labels(input, drill.options().size());
                if (labels.size() != 1) throw new BadAnswer("pick one option: a letter (a) or its number (1)");
                int option = shown.get(labels.get(0));
                yield new Graded(option == drill.correct().get(0), drill.options().get(option));
            }
            case MULTIPLE -> {
                java.util.TreeSet<Integer> options = new java.util.TreeSet<>();
                for (int l : Answers.labels(input, drill.options().size())) options.add(shown.get(l));
                StringJoiner given = new StringJoiner("; ");
                for (int o : options) given.add(drill.options().get(o));
                yield new Graded(new ArrayList<>(options).equals(drill.correct()), given.toString());
            }
            case ORDER -> {
                List<Integer> labels = Answers.labels(input, drill.items().size());
                if (labels.size() != drill.items().size() || new java.util.HashSet<>(labels).size() != labels.size()) {
                    throw new BadAnswer("give every label once, in the order you choose, e.g. "
                            + String.join(" ", exampleLabels()) + " (" + drill.items().size() + " labels)");
                }
                boolean ok = true;
                StringJoiner given = new StringJoiner(" > ");
                for (int k = 0; k < labels.size(); k++) {
                    ok &= shown.get(labels.get(k)) == k;
                    given.add(drill.items().get(shown.get(labels.get(k))));
                }
                yield new Graded(ok, given.toString());
            }
        };
    }

    private List<String> exampleLabels() {
        List<String> out = new ArrayList<>();
        for (int i = drill.items().size() - 1; i >= 0; i--) out.add(Drill.label(i));
        return out;
    }

    /** The right answer, as the learner sees it after answering. */
    public String answerText() {
        return switch (drill.kind()) {
            case NUMERIC -> Answers.format(drill.value()) + (drill.unit().isEmpty() ? "" : " " + drill.unit());
            case CHOICE -> Drill.label(shown.indexOf(drill.correct().get(0))) + ") " + drill.options().get(drill.correct().get(0));
            case MULTIPLE -> {
                StringJoiner j = new StringJoiner("; ");
                for (int label = 0; label < shown.size(); label++) {
                    if (drill.correct().contains(shown.get(label))) j.add(Drill.label(label) + ") " + drill.options().get(shown.get(label)));
                }
                yield j.toString();
            }
            case ORDER -> {
                StringJoiner labels = new StringJoiner(" ");
                for (int k = 0; k < drill.items().size(); k++) labels.add(Drill.label(shown.indexOf(k)));
                yield labels + ": " + String.join(" > ", drill.items());
            }
        };
    }
}
