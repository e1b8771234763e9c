package katagym.grader.junit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Report;
import katagym.grader.report.ReportFiles;
import katagym.grader.report.Status;
import katagym.grader.run.Ansi;
import katagym.grader.run.GradeOptions;
import katagym.grader.run.Grader;
import katagym.grader.run.ProjectRoot;
import katagym.grader.run.SummaryPrinter;
import katagym.grader.run.VerdictBlock;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns the catalogue into JUnit dynamic tests: a container per kata, a test per check. A pending
 * kata is one skipped test saying which file to implement; strict mode fails it instead. The same
 * {@link Grader} runs underneath as in the CLI, so both produce the same report.
 */
public final class JUnitGrading {
    private final String subjectName;
    private final Function<Kata, Supplier<?>> subjects;
    private final Function<Kata, Supplier<?>> oracles;
    private final GradeOptions options;
    private final Catalogue catalogue = Catalogue.standard();
    private final List<KataReport> results = Collections.synchronizedList(new ArrayList<>());

    public JUnitGrading(String subjectName, Function<Kata, Supplier<?>> subjects, Function<Kata, Supplier<?>> oracles,
                        GradeOptions options) {
        this.subjectName = subjectName;
        this.subjects = subjects;
        this.oracles = oracles;
        this.options = options;
    }

    public GradeOptions options() { return options; }

    public Stream<DynamicNode> tests() {
        return catalogue.select(options.only()).stream().map(kata ->
                DynamicContainer.dynamicContainer(kata.slug() + " · " + kata.title(),
                        Stream.of(kata).flatMap(this::gradeAndReport)));
    }

    /**
     * With {@code -Dkata.strictReview=N}: one more test, failing when a solved kata's review is more than N
     * days overdue (opt-in strict mode for spaced review); nothing otherwise.
     */
    public Stream<DynamicNode> reviewDeadline() {
        var limit = katagym.grader.practice.StrictReview.limitFromSystemProperties();
        if (limit.isEmpty()) return Stream.empty();
        int days = limit.getAsInt();
        return Stream.of(DynamicTest.dynamicTest("no review overdue by more than " + days + " days", () -> {
            var late = katagym.grader.practice.StrictReview.overdueBeyond(ProjectRoot.find(), catalogue, java.time.Instant.now(), days);
            if (!late.isEmpty()) Assertions.fail(katagym.grader.practice.StrictReview.message(late, days));
        }));
    }

    private Stream<DynamicNode> gradeAndReport(Kata kata) {
        KataReport r = Grader.grade(kata, subjects.apply(kata), oracles.apply(kata), options);
        results.add(r);
        if (r.status() == Status.PENDING) {
            String msg = r.checks().stream().filter(c -> c.status() == Status.PENDING).findFirst()
                    .map(CheckReport::message).orElse("pending");
            return Stream.of(DynamicTest.dynamicTest("pending", () -> Assumptions.abort(msg)));
        }
        return r.checks().stream().map(c -> DynamicTest.dynamicTest(c.name() + " [" + c.kind().id() + "]", () -> verdict(r, c)));
    }

    /**
     * The lead check fails with the whole verdict block (message, contract, hint, input, replay); the
     * other failing checks fail with one line pointing at it, so the JUnit output teaches the same way
     * as {@code ./kata grade}.
     */
    private static void verdict(KataReport r, CheckReport c) {
        switch (c.status()) {
            case PASSED -> { }
            case PENDING, SKIPPED -> Assumptions.abort(c.message());
            case FAILED -> {
                if (c == r.leadCheck()) {
                    Assertions.fail(r.slug() + " · " + c.name() + ": " + VerdictBlock.details(r.slug(), c, true).replace("\n", "\n  "));
                }
                Assertions.fail(r.slug() + " · " + c.name() + " fails too (" + firstLine(c.message()) + "); see " + r.lead() + " first");
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Writes the report (and history, for learner runs) and prints the summary. Call from {@code @AfterAll}. */
    public Report finish() {
        List<KataReport> ordered = new ArrayList<>(results);
        ordered.sort((a, b) -> Integer.compare(catalogue.get(a.slug()).order(), catalogue.get(b.slug()).order()));
        Report report = Report.of(subjectName, options.strict(), options.seed(), ordered);
        Path root = ProjectRoot.find();
        Path written = new ReportFiles(root).write(report);
        new SummaryPrinter(catalogue, Ansi.auto()).print(report, root.relativize(written), System.out);
        return report;
    }
}
