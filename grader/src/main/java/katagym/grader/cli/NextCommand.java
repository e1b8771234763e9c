package katagym.grader.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "next", description = "The first unsolved kata in catalogue order: its file and statement.")
final class NextCommand implements Callable<Integer> {
    @ParentCommand KataCli cli;

    @Override
    public Integer call() {
        Workspace ws = cli.workspace();
        var next = ws.next(ws.latest());
        String due = katagym.grader.practice.DueItems.read(ws.root(), ws.catalogue(), cli.clock().instant()).summaryLine();
        if (next.isEmpty()) {
            cli.out().println(cli.ansi().green("Every kata passes. Well done."));
            if (!due.isEmpty()) cli.out().println(cli.ansi().bold(due));
            return 0;
        }
        var k = next.get();
        cli.out().println(cli.ansi().bold("Next: " + k.slug()) + " — " + k.title() + " (" + k.topic() + ", " + k.difficulty() + ")");
        cli.out().println("  edit  " + k.stubPath());
        cli.out().println("  then  ./kata watch " + k.slug() + "   (or ./kata grade " + k.slug() + ")");
        if (!due.isEmpty()) cli.out().println(cli.ansi().bold(due));
        cli.out().println();
        cli.out().println(ShowCommand.withoutDerivation(ws, k));
        return 0;
    }
}
