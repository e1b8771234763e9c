package katagym.grader.drill;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * A drill as put to the learner: for an order drill, the items in a shuffled order (never the answer's
 * own order), labelled a, b, c; for the other kinds, the options as written. Grades the learner's text.
 *
 * @param shown order drills: {@code shown.get(label)} is the index, in the correct order, of the item shown
 *              with that label; the identity for the other kinds
 */
public record Asked(Drill drill, List<Integer> shown) {

    /** Asks {@code drill}, shuffling an order drill's items with {@code random}. */
    public static Asked of(Drill drill, Random random) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < drill.choices().size(); i++) shown.add(i);
        if (drill.kind() == Drill.Kind.ORDER) {
            Collections.shuffle(shown, random);
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
                yield new Graded(labels.get(0).equals(drill.correct().get(0)), Drill.label(labels.get(0)));
            }
            case MULTIPLE -> {
                List<Integer> labels = new ArrayList<>(new java.util.TreeSet<>(Answers.labels(input, drill.options().size())));
                StringJoiner given = new StringJoiner(",");
                for (int l : labels) given.add(Drill.label(l));
                yield new Graded(labels.equals(drill.correct()), given.toString());
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
            case CHOICE -> Drill.label(drill.correct().get(0)) + ") " + drill.options().get(drill.correct().get(0));
            case MULTIPLE -> {
                StringJoiner j = new StringJoiner("; ");
                for (int i : drill.correct()) j.add(Drill.label(i) + ") " + drill.options().get(i));
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
