package katagym.grader.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", description = "Print a kata's statement.")
final class ShowCommand implements Callable<Integer> {
    @ParentCommand KataCli cli;

    @Parameters(paramLabel = "SLUG", description = "The kata, e.g. sigmoid.")
    String slug;

    @Override
    public Integer call() {
        Workspace ws = cli.workspace();
        var k = ws.catalogue().get(slug);
        cli.out().println(ws.statementText(k));
        cli.out().println(cli.ansi().dim("edit " + k.stubPath() + " · hints: ./kata hint " + k.slug()));
        return 0;
    }
}
