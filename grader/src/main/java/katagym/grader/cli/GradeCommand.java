package katagym.grader.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.KataReport;
import katagym.grader.report.Report;
import katagym.grader.report.Status;
import katagym.grader.run.Ansi;
import katagym.grader.run.GradeOptions;
import katagym.grader.run.SummaryPrinter;
import katagym.grader.run.VerdictBlock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "grade", description = {
        "Grade katas in one JVM, without Maven, and write the same report as mvn test.",
        "Exit 0 when nothing failed (pending is fine unless --strict), 1 otherwise, 3 when --upload failed."})
final class GradeCommand implements Callable<Integer> {
    @ParentCommand KataCli cli;

    @Parameters(paramLabel = "SLUG|TOPIC", arity = "0..*", description = "Katas or topics to grade (default: all).")
    List<String> selection;

    @Option(names = "--seed", description = "Run seed; a failure's seed replays it exactly.")
    Long seed;

    @Option(names = "--strict", description = "Pending katas count as failed.")
    boolean strict;

    @Option(names = "--strict-review", paramLabel = "DAYS", description = {"Also fail when a solved kata's review is more than DAYS days overdue",
            "(./kata review; Maven: -Dkata.strictReview=DAYS). Off by default."})
    Integer strictReviewDays;

    @Option(names = "--tries", description = "Generated cases per property (default ${DEFAULT-VALUE}).", defaultValue = "100")
    int tries;

    @Option(names = "--timeout", description = "Milliseconds one kata may take (default ${DEFAULT-VALUE}).", defaultValue = "10000")
    long timeoutMs;

    @Option(names = "--upload", paramLabel = "URL", description = "After grading, upload the report to this dashboard (token from $KATA_TOKEN).")
    String uploadUrl;

    @Option(names = "--token-env", defaultValue = "KATA_TOKEN", description = "Environment variable holding the upload token (default ${DEFAULT-VALUE}).")
    String tokenEnv;

    @Override
    public Integer call() throws InterruptedException {
        if (strictReviewDays != null && strictReviewDays < 0) throw new IllegalArgumentException("--strict-review takes 0 or more days");
        Workspace ws = cli.workspace();
        String token = null;
        if (uploadUrl != null) {
            token = System.getenv(tokenEnv);
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("--upload needs the upload token in $" + tokenEnv + " (./kata group add-member prints one)");
            }
            Uploader.endpoint(uploadUrl); // a mistyped URL is refused before grading, not after
        }
        Ansi a = cli.ansi();
        List<Kata> katas = ws.catalogue().select(selection == null ? null : String.join(",", selection));
        GradeOptions options = GradeOptions.defaults().withTries(tries).withTimeout(timeoutMs).withStrict(strict);
        if (seed != null) options = options.withSeed(seed);
        int[] done = {0};
        List<KataReport> results = new LocalGrader(ws, new StubCompiler()).grade(katas, options, r -> {
            done[0]++;
            cli.out().printf("[%2d/%d] %s %s%s%n", done[0], katas.size(), ListCommand.mark(a, r.status()), r.slug(),
                    a.dim(" " + r.durationMs() + " ms"));
        });
        Report report = Report.of("katas", strict, options.seed(), results);
        Path written = ws.reports().write(report);
        new SummaryPrinter(ws.catalogue(), a).print(report, ws.root().relativize(written), cli.out());
        if (uploadUrl != null) {
            // the group page shows each member's latest scorecards and overdue reviews: only the upload carries them
            Report upload = report.withPractice(katagym.grader.practice.PracticeSummaries.of(ws.root(), ws.catalogue(), cli.clock().instant()));
            Uploader.Result r = new Uploader(4, 1000).upload(uploadUrl, token, upload);
            if (!r.ok()) {
                cli.out().println(a.red("upload to " + Uploader.endpoint(uploadUrl) + " failed")
                        + (r.status() > 0 ? " (HTTP " + r.status() + ")" : "") + ": " + r.body());
                return 3;
            }
            cli.out().println(a.green("uploaded") + " run " + report.runId() + " to " + Uploader.endpoint(uploadUrl) + " (HTTP " + r.status() + ")");
        }
        if (strictReviewDays != null) {
            var late = katagym.grader.practice.StrictReview.overdueBeyond(ws.root(), ws.catalogue(), cli.clock().instant(), strictReviewDays);
            if (!late.isEmpty()) {
                cli.out().println(a.red(katagym.grader.practice.StrictReview.message(late, strictReviewDays)));
                return 1;
            }
        }
        return report.summary().failed() > 0 ? 1 : 0;
    }

    /** One kata's verdict in detail: used by watch. */
    static void printVerdict(KataReport r, Ansi a, java.io.PrintStream out) {
        switch (r.status()) {
            case PASSED -> out.println(a.green("✓ " + r.slug() + " passes all " + r.checks().size() + " checks") + a.dim(" (" + r.durationMs() + " ms)"));
            case PENDING -> out.println(a.yellow("· " + r.slug() + " is pending") + " — implement " + r.checks().stream()
                    .filter(c -> c.status() == Status.PENDING).findFirst().map(c -> c.message().replaceFirst("^.* — implement ", ""))
                    .orElse("the stub"));
            case FAILED -> VerdictBlock.print(r, a, out, "", false);
            default -> out.println(r.slug() + ": " + r.status());
        }
    }
}
