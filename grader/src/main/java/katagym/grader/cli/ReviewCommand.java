package katagym.grader.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import katagym.grader.catalogue.Kata;
import katagym.grader.practice.DueItems;
import katagym.grader.practice.PracticeLog;
import katagym.grader.practice.Scorecard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "review", description = {
        "Spaced review of solved katas (due after 1, 3, 7, 21, 60 days; a clean re-solve lengthens the interval,",
        "a failure shortens it): the most overdue kata, blank, in .kata/review/, against a shorter clock.",
        "Results go to .kata/reviews.jsonl. --list shows what is due today and what comes next."})
final class ReviewCommand implements Callable<Integer> {
    @ParentCommand KataCli cli;

    @Mixin SessionOptions options;

    @Option(names = "--list", description = "Only list what is due today and when the next ones come due.")
    boolean list;

    @Option(names = "--minutes", defaultValue = "20", description = "The time box (default ${DEFAULT-VALUE}).")
    int minutes;

    @Override
    public Integer call() throws Exception {
        if (minutes < 1 || minutes > 600) throw new IllegalArgumentException("--minutes must be 1 to 600");
        Workspace ws = cli.workspace();
        Instant now = cli.clock().instant();
        DueItems due = DueItems.read(ws.root(), ws.catalogue(), now);
        if (list) {
            printList(due);
            return 0;
        }
        if (due.dueKatas().isEmpty()) {
            cli.out().println("Nothing is due for review today.");
            printUpcoming(due, 3);
            return 0;
        }
        Kata k = ws.catalogue().get(due.dueKatas().get(0).slug());
        Scorecard card = InterviewCommand.session(cli, ws, k, new PracticeSession.Settings(Scorecard.REVIEW, minutes, false, !options.noWatch, options.pollOnly,
                options.grading()));
        cli.out().println("  " + (card.clean() ? "clean: the interval grows" : "not clean (a fail, the time box or a hint): the interval shrinks"));
        DueItems after = DueItems.read(ws.root(), ws.catalogue(), cli.clock().instant());
        after.upcoming().stream().filter(d -> d.slug().equals(k.slug())).findFirst().or(() ->
                after.dueKatas().stream().filter(d -> d.slug().equals(k.slug())).findFirst())
                .ifPresent(d -> cli.out().println("  next review of " + k.slug() + ": " + day(d.due()) + " (" + when(d.due(), cli.clock().instant()) + ")"));
        cli.out().println(cli.ansi().dim("kept in " + PracticeLog.REVIEWS));
        return 0;
    }

    private void printList(DueItems due) {
        if (due.dueKatas().isEmpty()) cli.out().println("Nothing is due for review today.");
        else {
            cli.out().println(cli.ansi().bold("Due today") + " (most overdue first; ./kata review starts the first):");
            for (var d : due.dueKatas()) {
                cli.out().printf("  %-28s %s (interval %d days)%n", d.slug(), DueItems.overdue(d.daysOverdue()), intervalDays(d.step()));
            }
        }
        if (due.drillsDue() > 0) cli.out().println(due.drillsDue() + " drills due: ./kata drill --due");
        printUpcoming(due, 10);
    }

    private void printUpcoming(DueItems due, int max) {
        if (due.upcoming().isEmpty()) {
            if (due.dueKatas().isEmpty()) cli.out().println("No kata is scheduled yet: a kata comes due one day after it first passes.");
            return;
        }
        cli.out().println(cli.ansi().bold("Coming up:"));
        due.upcoming().stream().limit(max).forEach(d -> cli.out().printf("  %-28s %s (%s)%n", d.slug(), day(d.due()), when(d.due(), due.now())));
    }

    private static long intervalDays(int step) {
        return katagym.grader.practice.SpacedSchedule.INTERVALS.get(step).toDays();
    }

    static String day(Instant t) { return t.atZone(ZoneOffset.UTC).toLocalDate().toString(); }

    /** "in 3 days", "in 5 hours", "now". */
    static String when(Instant due, Instant now) {
        Duration d = Duration.between(now, due);
        if (d.isNegative() || d.isZero()) return "now";
        if (d.toDays() >= 1) return "in " + d.toDays() + (d.toDays() == 1 ? " day" : " days");
        long h = Math.max(1, d.toHours());
        return "in " + h + (h == 1 ? " hour" : " hours");
    }
}
