package katagym.grader.cli;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import katagym.grader.catalogue.Kata;
import katagym.grader.catalogue.Statement;
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
        List<String> hints = new ArrayList<>(k.hints());
        String text;
        try {
            text = ws.statementText(k);
        } catch (UncheckedIOException e) {
            return hints;
        }
        Statement.parse(text).derivation().ifPresent(d -> hints.add("the derivation (the statement's hidden section)\n\n" + d));
        return hints;
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
        List<String> hints = hints(ws, k);
        int total = hints.size();
        int next = Math.min(n + 1, total);
        for (int i = 0; i < next; i++) {
            cli.out().println(cli.ansi().bold("Hint " + (i + 1) + "/" + total + ": ") + hints.get(i));
        }
        if (n >= total) cli.out().println(cli.ansi().dim("(no more hints: the statement's theory section has the rest)"));
        shown.put(k.slug(), next);
        ws.saveHintsShown(shown);
    }
}
