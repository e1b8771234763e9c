package katagym.grader.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import katagym.grader.drill.Asked;
import katagym.grader.drill.BadAnswer;
import katagym.grader.drill.Drill;
import katagym.grader.drill.DrillLog;
import katagym.grader.drill.DrillPlan;
import katagym.grader.drill.Drills;
import katagym.grader.run.Ansi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./kata drill}: concept drills in the terminal. Asks, reads one answer per line, grades, shows
 * the explanation and where it is taught, and records every answer in {@code .kata/drills.jsonl}.
 */
@Command(name = "drill", description = {
        "Concept drills: short questions with a number, a choice or an order for an answer (katas/src/main/resources/drills).",
        "Never answered and last answered wrong come first, then the drills the spaced schedule says are due."})
final class DrillCommand implements Callable<Integer> {
    @ParentCommand KataCli cli;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Only this topic's drills, e.g. attention.")
    String topic;

    @Option(names = "--count", paramLabel = "N", defaultValue = "5", description = "How many drills (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--due", description = "Only the drills the spaced schedule says are due (1, 3, 7, 21, 60 days after a right answer).")
    boolean due;

    @Option(names = "--id", paramLabel = "ID", description = "Just this drill.")
    String id;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed for the order options and items are shown in (default: random).")
    Long seed;

    private final Clock clock;
    private final InputStream in;
    private final PrintStream out;
    /** Whether to print what was typed: when the answers are piped in, so the transcript reads as a dialogue. */
    private final boolean echo;

    DrillCommand() { this(null, System.in, null, System.console() == null); }

    /** For tests: a fixed clock (null: the CLI's), the answers to type, and where the screen goes (null: the CLI's). */
    DrillCommand(Clock clock, InputStream in, PrintStream out) { this(clock, in, out, true); }

    private DrillCommand(Clock clock, InputStream in, PrintStream out, boolean echo) {
        this.clock = clock;
        this.in = in;
        this.out = out;
        this.echo = echo;
    }

    /** The time: the test's clock, else the command line's (a fake one in tests of the whole CLI). */
    private java.time.Instant now() { return (clock != null ? clock : cli.clock()).instant(); }

    @Override
    public Integer call() throws IOException {
        if (count < 1) throw new IllegalArgumentException("--count must be at least 1");
        Workspace ws = cli.workspace();
        PrintStream screen = out != null ? out : cli.out();
        Ansi ansi = cli.ansi();
        Drills drills = Drills.load(ws.root(), ws.catalogue());
        List<Drill> pool = drills.all();
        if (topic != null) {
            String t = Drills.topicOf(topic, ws.catalogue()).orElseThrow(() -> new IllegalArgumentException(
                    "no topic '" + topic + "' (topics with drills: " + String.join(", ", drills.topics()) + ")"));
            pool = drills.ofTopic(t);
            if (pool.isEmpty()) throw new IllegalArgumentException("no drills for " + t + " yet (topics with drills: " + String.join(", ", drills.topics()) + ")");
        }
        DrillLog log = new DrillLog(ws.root());
        DrillPlan plan = new DrillPlan(log.read(), now());
        List<Drill> asked;
        if (id != null) {
            asked = List.of(drills.find(id).orElseThrow(() -> new IllegalArgumentException("no drill '" + id + "'")));
        } else if (due) {
            asked = plan.due(pool).stream().limit(count).toList();
            if (asked.isEmpty()) {
                screen.println("No drill is due" + plan.nextDue(pool).map(d -> "; the next comes due on "
                        + d.atOffset(ZoneOffset.UTC).toLocalDate()).orElse(": answer some first (./kata drill)") + ".");
                return 0;
            }
        } else {
            asked = plan.pick(pool, count);
        }
        if (asked.isEmpty()) {
            screen.println("There are no drills yet (" + Drills.DIR + ").");
            return 0;
        }

        long session = seed != null ? seed : new Random().nextLong();
        BufferedReader answers = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int right = 0, done = 0;
        for (int i = 0; i < asked.size(); i++) {
            Asked q = Asked.of(asked.get(i), shuffle(session, asked.get(i)));
            show(screen, ansi, q, i + 1, asked.size());
            Asked.Graded graded = null;
            while (graded == null) {
                screen.print(prompt(q.drill()));
                screen.flush();
                String line = answers.readLine();
                if (line == null) {
                    screen.println();
                    score(screen, ansi, right, done, true);
                    return 0;
                }
                if (echo) screen.println(line);
                try {
                    graded = q.grade(line);
                } catch (BadAnswer e) {
                    screen.println(ansi.yellow("  " + e.getMessage()));
                }
            }
            log.record(q.drill(), graded.correct(), graded.given(), now());
            done++;
            if (graded.correct()) {
                right++;
                screen.println(ansi.green("  ✔ Right") + (q.drill().kind() == Drill.Kind.NUMERIC ? ": " + q.answerText() : "."));
            } else {
                screen.println(ansi.red("  ✘ Not quite.") + " The answer: " + q.answerText());
            }
            screen.println(indent(q.drill().explanation()));
            screen.println(ansi.dim("  Taught in: " + q.drill().seeCommand()));
            screen.println();
        }
        score(screen, ansi, right, done, false);
        return 0;
    }

    private static void show(PrintStream screen, Ansi ansi, Asked q, int n, int total) {
        Drill d = q.drill();
        screen.println(ansi.bold("Drill " + n + "/" + total) + ansi.dim(" · " + d.topic() + " · " + String.join(", ", d.curriculum()) + " · " + d.id()));
        screen.println(indent(d.question()));
        List<String> shown = q.shownChoices();
        for (int i = 0; i < shown.size(); i++) screen.println("    " + Drill.label(i) + ") " + shown.get(i));
    }

    private static String prompt(Drill d) {
        return switch (d.kind()) {
            case NUMERIC -> "  Your answer" + (d.unit().isEmpty() ? "" : " (in " + d.unit() + ")") + ": ";
            case CHOICE -> "  Your choice (one letter): ";
            case MULTIPLE -> "  Your choices (every letter that applies, e.g. a,c): ";
            case ORDER -> "  The labels in the right order (e.g. " + String.join(" ", reversedLabels(d.items().size())) + "): ";
        };
    }

    private static List<String> reversedLabels(int n) {
        return java.util.stream.IntStream.range(0, n).map(i -> n - 1 - i).mapToObj(Drill::label).toList();
    }

    private static void score(PrintStream screen, Ansi ansi, int right, int done, boolean stopped) {
        screen.println(ansi.bold("Score: " + right + "/" + done + " right") + (stopped ? " (stopped early)" : "")
                + " · answers kept in " + DrillLog.FILE);
    }

    private static String indent(String text) {
        return text.strip().lines().map(l -> "  " + l).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** Each drill's own shuffle: the same seed shows a drill the same way whichever drills come before it. */
    public static Random shuffle(long seed, Drill drill) {
        return new Random(seed ^ drill.id().hashCode());
    }
}
