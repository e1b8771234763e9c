package katagym.grader.cli;

import java.util.concurrent.Callable;
import katagym.grader.catalogue.Kata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "hint", description = "Show the next hint for a kata; hints already seen are shown again above it.")
final class HintCommand implements Callable<Integer> {
    @ParentCommand KataCli cli;

    @Parameters(paramLabel = "SLUG", description = "The kata (default: the next unsolved one).", arity = "0..1")
    String slug;

    @Option(names = "--reset", description = "Forget which hints were shown for this kata.")
    boolean reset;

    @Override
    public Integer call() {
        Workspace ws = cli.workspace();
        Kata k = slug != null ? ws.catalogue().get(slug) : ws.next(ws.latest()).orElseThrow(() -> new IllegalArgumentException("every kata passes: name one"));
        print(ws, k, reset, cli);
        return 0;
    }

    /** Reveals one more hint of {@code k} (shared with watch mode's {@code h} key). */
    static void print(Workspace ws, Kata k, boolean reset, KataCli cli) {
        var shown = ws.hintsShown();
        int n = reset ? 0 : shown.getOrDefault(k.slug(), 0);
        if (reset) {
            shown.remove(k.slug());
            ws.saveHintsShown(shown);
            cli.out().println("hints for " + k.slug() + " hidden again");
            return;
        }
        int total = k.hints().size();
        int next = Math.min(n + 1, total);
        for (int i = 0; i < next; i++) {
            cli.out().println(cli.ansi().bold("Hint " + (i + 1) + "/" + total + ": ") + k.hints().get(i));
        }
        if (n >= total) cli.out().println(cli.ansi().dim("(no more hints: the statement's theory section has the rest)"));
        shown.put(k.slug(), next);
        ws.saveHintsShown(shown);
    }
}
