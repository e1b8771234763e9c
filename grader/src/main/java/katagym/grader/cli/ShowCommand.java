package katagym.grader.cli;

import java.util.concurrent.Callable;
import katagym.grader.catalogue.Statement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", description = {
        "Print a kata's statement (its Derivation section only with --derivation),",
        "or a topic page (katas/src/main/resources/topics/TOPIC.md) for curriculum points no kata answers."})
final class ShowCommand implements Callable<Integer> {
    @ParentCommand KataCli cli;

    @Parameters(paramLabel = "SLUG|TOPIC", description = "The kata, e.g. sigmoid, or a topic page, e.g. parallelism.")
    String slug;

    @Option(names = "--derivation", description = "Also print the Derivation section (the backward formulas and stable rewrites: try first).")
    boolean derivation;

    @Override
    public Integer call() {
        Workspace ws = cli.workspace();
        var kata = ws.catalogue().find(slug);
        if (kata.isEmpty() && ws.topicPageExists(slug)) {
            cli.out().println(ws.topicPageText(slug));
            return 0;
        }
        if (kata.isEmpty()) {
            throw new IllegalArgumentException("no kata '" + slug + "' in the catalogue, and no topic page of that name"
                    + (ws.topicPages().isEmpty() ? "" : " (topic pages: " + String.join(", ", ws.topicPages()) + ")"));
        }
        var k = kata.get();
        cli.out().println(derivation ? Statement.parse(ws.statementText(k)).full() : withoutDerivation(ws, k));
        cli.out().println(cli.ansi().dim("edit " + k.stubPath() + " · hints: ./kata hint " + k.slug()));
        return 0;
    }

    /** The statement with its Derivation section replaced by a line saying how to see it. */
    static String withoutDerivation(Workspace ws, katagym.grader.catalogue.Kata k) {
        return Statement.parse(ws.statementText(k)).withoutDerivation("*(Derivation hidden: `./kata show " + k.slug()
                + " --derivation`, or the last hint of `./kata hint " + k.slug() + "`.)*");
    }
}
