package katagym.grader.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import katagym.grader.catalogue.Kata;
import katagym.grader.run.GradeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "watch", description = {
        "Re-grade a kata each time you save its file. Keys: h hint, n next kata, q quit.",
        "Starts on the given kata, or the next unsolved one."})
final class WatchCommand implements Callable<Integer> {
    @ParentCommand KataCli cli;

    @Parameters(paramLabel = "SLUG", arity = "0..1", description = "The kata to start on.")
    String slug;

    @Option(names = "--seed", description = "Run seed (default: a new one per session).")
    Long seed;

    @Option(names = "--tries", defaultValue = "100", description = "Generated cases per property (default ${DEFAULT-VALUE}).")
    int tries;

    @Option(names = "--timeout", defaultValue = "10000", description = "Milliseconds one kata may take (default ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(names = "--poll-only", description = {"Find saves only by checking the files every 250 ms, without the file system's",
            "change events (watch checks anyway, as a backstop for file systems that send none)."})
    boolean pollOnly;

    @Option(names = "--advance", description = "After a kata passes, move on to the next unsolved one without waiting for n.")
    boolean advance;

    @Override
    public Integer call() throws IOException {
        Workspace ws = cli.workspace();
        GradeOptions options = GradeOptions.defaults().withTries(tries).withTimeout(timeoutMs);
        if (seed != null) options = options.withSeed(seed);
        Kata start = slug != null ? ws.catalogue().get(slug) : ws.next(ws.latest()).orElse(ws.katas().get(0));
        try (Watcher w = new Watcher(ws, cli.ansi(), cli.out(), options, r -> { }, !pollOnly)) {
            cli.out().println(cli.ansi().bold("Watching katas/src/main/java") + " — save a kata file to grade it.");
            w.eventsUnavailable().ifPresent(why -> cli.out().println(cli.ansi().dim(
                    "  change events: " + why + "; checking the files every " + Watcher.POLL_MS + " ms instead")));
            cli.out().println("  " + start.slug() + ": edit " + start.stubPath());
            w.advanceOnPass(advance);
            w.grade(start);
            Thread keys = new Thread(() -> readKeys(ws, w), "kata-keys");
            keys.setDaemon(true);
            keys.start();
            Thread loop = Thread.currentThread();
            quit = () -> {
                try { w.close(); } catch (IOException ignored) { }
                loop.interrupt();
            };
            w.loop();
        }
        cli.out().println("bye");
        return 0;
    }

    private volatile Runnable quit = () -> { };

    private void readKeys(Workspace ws, Watcher w) {
        try {
            int c;
            while ((c = System.in.read()) != -1) {
                switch (Character.toLowerCase((char) c)) {
                    case 'h' -> w.current().ifPresent(k -> HintCommand.print(ws, k, false, cli));
                    case 'n' -> ws.next(ws.latest()).ifPresentOrElse(k -> {
                        w.focus(k);
                        cli.out().println(cli.ansi().bold("Next: " + k.slug()) + " — edit " + k.stubPath());
                    }, () -> cli.out().println("every kata passes"));
                    case 'q' -> { quit.run(); return; }
                    default -> { }
                }
            }
        } catch (IOException ignored) {
            // no keyboard (piped input): saves still trigger grading
        }
    }
}
