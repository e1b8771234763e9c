package katagym.grader.run;

import java.io.PrintStream;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Status;

/**
 * How a failed kata is shown, the same in {@code ./kata grade}, {@code watch} and {@code mvn test}: the
 * lead check in full (what came out and what was expected, the contract sentence it enforces, the
 * hint, the input and the replay command), then every other failing check by name, one line.
 */
public final class VerdictBlock {
    private VerdictBlock() {}

    /** The name of the check that stands for "the stub does not compile" (watch and grade compile it). */
    public static final String COMPILES = "compiles";

    /** The header line and the details, indented; {@code replayMaven} adds the Maven replay command. */
    public static void print(KataReport r, Ansi a, PrintStream out, String indent, boolean replayMaven) {
        CheckReport c = r.leadCheck();
        if (c == null) return;
        long passed = r.checks().stream().filter(x -> x.status() == Status.PASSED).count();
        String what = c.name().equals(COMPILES) ? " does not compile" : " fails " + c.name() + " [" + c.kind().id() + "]";
        out.println(indent + a.red("✗ " + r.slug() + what)
                + a.dim("  (" + passed + "/" + r.checks().size() + " checks pass, " + r.durationMs() + " ms)"));
        for (String line : details(r.slug(), c, replayMaven).split("\n")) out.println(indent + "    " + line);
        var others = r.otherFailures();
        if (!others.isEmpty()) {
            StringBuilder sb = new StringBuilder("Also failing: ");
            for (int i = 0; i < others.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(others.get(i).name()).append(" [").append(others.get(i).kind().id()).append(']');
            }
            out.println(indent + "    " + a.dim(sb.toString()));
        }
    }

    /** The lead's message, input and replay lines (also the text of a failed JUnit test). */
    public static String details(String slug, CheckReport c, boolean replayMaven) {
        StringBuilder sb = new StringBuilder(c.message() == null ? "" : c.message());
        if (c.counterexample() != null) sb.append('\n').append(inputLabel(c)).append(": ").append(c.counterexample());
        if (c.seed() != null) {
            sb.append("\nreplay: ").append(Replay.cli(slug, c.seed()));
            if (replayMaven) sb.append("   or   ").append(Replay.maven(slug, c.seed()));
        }
        return sb.toString();
    }

    /** "smallest input" for a shrunk counterexample, "input when time ran out" for a timeout, else "input". */
    public static String inputLabel(CheckReport c) {
        if (c.message() != null && c.message().startsWith("timeout")) return "input when time ran out";
        return c.seed() != null ? "smallest input" : "input";
    }
}
