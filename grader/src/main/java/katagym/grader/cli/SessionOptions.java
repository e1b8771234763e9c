package katagym.grader.cli;

import katagym.grader.run.GradeOptions;
import picocli.CommandLine.Option;

/** The options an interview and a review share: how saves are seen and how each grading runs. */
final class SessionOptions {
    @Option(names = "--no-watch", description = "Grade only when you press s (for file systems where saves are not seen).")
    boolean noWatch;

    @Option(names = "--poll-only", description = "Find saves by checking the file every 250 ms, without change events.")
    boolean pollOnly;

    @Option(names = "--tries", defaultValue = "100", description = "Generated cases per property (default ${DEFAULT-VALUE}).")
    int tries;

    @Option(names = "--timeout", defaultValue = "10000", description = "Milliseconds one grading may take (default ${DEFAULT-VALUE}).")
    long timeoutMs;

    GradeOptions grading() { return GradeOptions.defaults().withTries(tries).withTimeout(timeoutMs); }
}
