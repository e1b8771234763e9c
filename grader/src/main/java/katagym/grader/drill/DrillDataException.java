package katagym.grader.drill;

import java.util.List;

/** The drill files break the format: every problem found, each naming its file and drill id. */
public final class DrillDataException extends IllegalStateException {
    private final List<String> problems;

    public DrillDataException(List<String> problems) {
        super("the drill data has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
