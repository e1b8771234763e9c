package katagym.grader.cli;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import katagym.grader.catalogue.Kata;
import katagym.grader.hints.HintStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "hint", description = {"Show the next hint for a kata; hints already seen are shown again above it.",
        "After the catalogue's hints, the last one reveals the statement's Derivation section (the answer)."})
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

    /** The catalogue's hints, then the statement's Derivation section (if it has one) as the last hint. */
    static List<String> hints(Workspace ws, Kata k) {
        String text;
        try {
            text = ws.statementText(k);
        } catch (UncheckedIOException e) {
            text = null;
        }
        return HintStore.hints(k, text);
    }

    /** Reveals one more hint of {@code k} (shared with watch mode's {@code h} key and the dashboard's kata page). */
    static void print(Workspace ws, Kata k, boolean reset, KataCli cli) {
        HintStore store = ws.hints();
        if (reset) {
            store.reset(k.slug());
            cli.out().println("hints for " + k.slug() + " hidden again");
            return;
        }
        List<String> hints = hints(ws, k);
        int total = hints.size();
        boolean allSeen = store.shown(k.slug()) >= total;
        int next = store.revealNext(k.slug(), total);
        for (int i = 0; i < next; i++) {
            cli.out().println(cli.ansi().bold("Hint " + (i + 1) + "/" + total + ": ") + hints.get(i));
        }
        if (allSeen) cli.out().println(cli.ansi().dim("(no more hints: the statement's theory section has the rest)"));
    }
}
