package katagym.grader.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.run.Ansi;
import katagym.grader.run.ProjectRoot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kata}: the learner's command line. Every subcommand is documented in the README. */
@Command(name = "kata", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "kata-gym 0.1",
        description = "Practise ML and LLM interview code by hand; graded by property-based specs.",
        footer = {"", "Dashboard commands (run by the same ./kata launcher):",
                "  serve      Start the dashboard (default port 7070).",
                "  group      Study groups: create, add-member, revoke, list, admin-token.",
                "  web-bench  Benchmark the dashboard on loopback.",
                "See README.md for every command and option."},
        subcommands = {ListCommand.class, NextCommand.class, ShowCommand.class, HintCommand.class,
                GradeCommand.class, WatchCommand.class, InterviewCommand.class, ReviewCommand.class, DrillCommand.class,
                ResetCommand.class, ProgressCommand.class, BenchCommand.class,
                FeedbackBenchCommand.class,
                CommandLine.HelpCommand.class})
public final class KataCli implements Callable<Integer> {

    @Option(names = "--root", description = "Repository root (default: found from the current folder).")
    Path root;

    @Option(names = "--no-color", scope = CommandLine.ScopeType.INHERIT,
            description = "Plain output (also when not a terminal, or NO_COLOR is set).")
    boolean noColor;

    Workspace workspace() {
        return new Workspace(root != null ? root.toAbsolutePath().normalize() : ProjectRoot.find(), Catalogue.standard());
    }

    Ansi ansi() { return noColor ? Ansi.off() : Ansi.auto(); }

    PrintStream out() { return System.out; }

    /** The time for interviews, reviews and what is due: the system's, or a test's fake clock. */
    private java.time.Clock clock = java.time.Clock.systemUTC();

    java.time.Clock clock() { return clock; }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    public static int run(String... args) {
        return run(java.time.Clock.systemUTC(), args);
    }

    /** As {@link #run(String...)}, with time read from {@code clock} (tests move it instead of waiting). */
    public static int run(java.time.Clock clock, String... args) {
        KataCli root = new KataCli();
        root.clock = clock;
        CommandLine cli = new CommandLine(root).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
            return 2;
        });
        return cli.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
