package katagym.grader.cli;

import java.util.List;
import java.util.concurrent.Callable;
import katagym.grader.catalogue.Kata;
import katagym.grader.feedback.FeedbackBench;
import katagym.grader.run.GradeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./kata feedback-bench}: how well the grader catches and explains the fixture bugs. */
@Command(name = "feedback-bench",
        description = "Benchmark: grade every fixture bug on N seeds; print the caught share and how the failures are shown.")
final class FeedbackBenchCommand implements Callable<Integer> {
    @ParentCommand KataCli cli;

    @Parameters(arity = "0..*", paramLabel = "SLUG|TOPIC", description = "Katas or topics (default: all).")
    List<String> only = List.of();

    @Option(names = "--seeds", defaultValue = "50", description = "Seeds per fixture bug (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--threads", description = "Gradings at a time (default: the number of cores).")
    Integer threads;

    @Option(names = "--verbose", description = "Also print each bug's lead check and counterexample (first seed).")
    boolean verbose;

    @Override
    public Integer call() {
        Workspace ws = cli.workspace();
        List<Kata> katas = ws.catalogue().select(only.isEmpty() ? null : String.join(",", only));
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        var out = cli.out();
        out.printf("Grading the fixture bugs of %d katas on %d seeds each, %d at a time…%n", katas.size(), seeds, t);
        FeedbackBench.Result r = FeedbackBench.run(katas, seeds, t, GradeOptions.defaults().withTimeout(20_000),
                line -> out.println("  " + line));
        if (verbose) {
            long first = FeedbackBench.seedList(seeds)[0];
            for (FeedbackBench.Grading g : r.gradings()) {
                if (g.seed() != first) continue;
                var lead = g.report().leadCheck();
                out.println(g.kata().slug() + " · " + g.bug() + ": " + (lead == null ? "NOT CAUGHT"
                        : lead.name() + " [" + lead.kind().id() + "] "
                        + (katagym.grader.prop.Counterexamples.atToleranceEdge(lead.message(), FeedbackBench.EDGE_FACTOR)
                                ? "AT THE TOLERANCE EDGE (" + lead.message().lines().findFirst().orElse("") + ") " : "")
                        + (lead.counterexample() == null ? "" : katagym.grader.prop.Counterexamples.scalars(lead.counterexample()).size()
                        + " scalars: " + lead.counterexample())));
            }
        }
        FeedbackBenchReport.print(r, out);
        return r.targetsMissed().isEmpty() ? 0 : 1;
    }
}
