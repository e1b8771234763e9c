package katagym.grader.cli;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.Report;
import katagym.grader.report.Status;
import katagym.grader.run.Ansi;
import katagym.grader.run.SummaryPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "progress", description = "Solved katas per topic, streak and recent runs, from the local run history.")
final class ProgressCommand implements Callable<Integer> {
    @ParentCommand KataCli cli;

    @Option(names = "--recent", description = "How many recent runs to list (default ${DEFAULT-VALUE}).", defaultValue = "8")
    int recent;

    @Override
    public Integer call() {
        Workspace ws = cli.workspace();
        Ansi a = cli.ansi();
        var latest = ws.latest();
        int solved = 0;
        for (String topic : ws.catalogue().topics()) {
            List<Kata> ks = ws.katas().stream().filter(k -> k.topic().equals(topic)).toList();
            int done = (int) ks.stream().filter(k -> ws.status(latest, k) == Status.PASSED).count();
            solved += done;
            cli.out().printf("  %-15s %s %2d/%d%n", topic, a.green(SummaryPrinter.bar(done, ks.size(), 20)), done, ks.size());
        }
        int total = ws.katas().size();
        cli.out().println();
        cli.out().println("  solved " + a.bold(solved + "/" + total) + "  " + a.green(SummaryPrinter.bar(solved, total, 30))
                + "   streak " + ws.streak() + " day(s)");
        List<Report> history = ws.reports().readHistory();
        if (!history.isEmpty()) {
            cli.out().println();
            cli.out().println("  recent runs:");
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            List<Report> last = new java.util.ArrayList<>(history.subList(Math.max(0, history.size() - recent), history.size()));
            java.util.Collections.reverse(last);
            for (Report r : last) {
                String when = ZonedDateTime.parse(r.generatedAt()).withZoneSameInstant(ZoneId.systemDefault()).format(f);
                String what = r.katas().size() == 1 ? r.katas().get(0).slug() : r.katas().size() + " katas";
                cli.out().printf("    %s  %-28s passed %d, failed %d, pending %d%n", when, what,
                        r.summary().passed(), r.summary().failed(), r.summary().pending());
            }
        }
        ws.next(latest).ifPresent(k -> cli.out().println("\n  next: " + k.slug() + " — " + k.stubPath()));
        return 0;
    }
}
