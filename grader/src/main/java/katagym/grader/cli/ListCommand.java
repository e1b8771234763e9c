package katagym.grader.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.KataReport;
import katagym.grader.report.Status;
import katagym.grader.run.Ansi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", description = "Every kata with its status, topic and difficulty.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand KataCli cli;

    @Option(names = "--topic", description = "Only this topic.")
    String topic;

    @Option(names = "--status", description = "Only katas with this status: passed, failed or pending.")
    Status status;

    @Override
    public Integer call() {
        Workspace ws = cli.workspace();
        if (topic != null && !ws.catalogue().topics().contains(topic)) {
            throw new IllegalArgumentException("unknown topic '" + topic + "' (topics: " + String.join(", ", ws.catalogue().topics()) + ")");
        }
        Ansi a = cli.ansi();
        Map<String, KataReport> latest = ws.latest();
        int shown = 0;
        for (Kata k : ws.katas()) {
            Status s = ws.status(latest, k);
            if (topic != null && !k.topic().equals(topic)) continue;
            if (status != null && s != status) continue;
            cli.out().printf("%3d  %s  %-30s %-15s %-7s %s%n", k.order(), mark(a, s), k.slug(), k.topic(), k.difficulty(), a.dim(k.title()));
            shown++;
        }
        if (shown == 0) cli.out().println("no kata matches");
        return 0;
    }

    static String mark(Ansi a, Status s) {
        return switch (s) {
            case PASSED -> a.green("✓ passed ");
            case FAILED -> a.red("✗ failed ");
            default -> a.yellow("· pending");
        };
    }
}
