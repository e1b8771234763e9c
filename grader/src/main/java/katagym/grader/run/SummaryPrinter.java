package katagym.grader.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.KataReport;
import katagym.grader.report.Report;
import katagym.grader.report.Status;

/** The summary at the end of a grading run: solved per topic, failures with their replay, the next kata. */
public final class SummaryPrinter {
    private final Catalogue catalogue;
    private final Ansi ansi;

    public SummaryPrinter(Catalogue catalogue, Ansi ansi) {
        this.catalogue = catalogue;
        this.ansi = ansi;
    }

    public static String bar(int done, int total, int width) {
        int full = total == 0 ? 0 : (int) Math.round((double) done * width / total);
        return "█".repeat(full) + "░".repeat(width - full);
    }

    public void print(Report report, Path reportPath, PrintStream out) {
        String rule = "═".repeat(64);
        out.println();
        out.println(ansi.bold("Kata Gym — " + report.subject() + (report.strict() ? " (strict)" : "")));
        out.println(rule);
        var s = report.summary();
        out.println("  solved " + ansi.green(s.passed() + "/" + s.total())
                + "   failed " + (s.failed() > 0 ? ansi.red(String.valueOf(s.failed())) : "0")
                + "   pending " + ansi.yellow(String.valueOf(s.pending()))
                + "   seed " + report.seed());
        out.println();
        Map<String, int[]> byTopic = new LinkedHashMap<>();
        for (KataReport k : report.katas()) {
            int[] c = byTopic.computeIfAbsent(k.topic(), t -> new int[2]);
            c[1]++;
            if (k.status() == Status.PASSED) c[0]++;
        }
        for (var e : byTopic.entrySet()) {
            int[] c = e.getValue();
            out.printf("  %-15s %s %2d/%d%n", e.getKey(), ansi.green(bar(c[0], c[1], 20)), c[0], c[1]);
        }
        List<KataReport> failed = report.katas().stream().filter(k -> k.status() == Status.FAILED).toList();
        if (!failed.isEmpty()) {
            out.println();
            out.println(ansi.red("  Failed:"));
            for (KataReport k : failed) VerdictBlock.print(k, ansi, out, "  ", true);
        }
        out.println();
        nextKata(report).ifPresentOrElse(k -> {
            out.println("  " + ansi.bold("Next: " + k.slug()) + " — " + k.title() + " (" + k.topic() + ", " + k.difficulty() + ")");
            out.println("      edit   " + k.stubPath());
            out.println("      read   " + k.statementPath() + "   (./kata show " + k.slug() + ")");
        }, () -> out.println("  " + ansi.green("Every graded kata passes.")));
        if (reportPath != null) out.println("  report " + reportPath);
        out.println(rule);
    }

    /** The first kata in catalogue order that this run graded and did not pass. */
    public java.util.Optional<Kata> nextKata(Report report) {
        Map<String, Status> status = new LinkedHashMap<>();
        for (KataReport k : report.katas()) status.put(k.slug(), k.status());
        return catalogue.katas().stream()
                .filter(k -> status.containsKey(k.slug()) && status.get(k.slug()) != Status.PASSED)
                .findFirst();
    }
}
