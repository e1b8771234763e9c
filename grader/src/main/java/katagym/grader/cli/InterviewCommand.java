package katagym.grader.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import katagym.grader.catalogue.Kata;
import katagym.grader.practice.InterviewPicker;
import katagym.grader.practice.PracticeLog;
import katagym.grader.practice.Scorecard;
import katagym.grader.report.KataReport;
import katagym.grader.report.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "interview", description = {
        "A mock interview: a kata you have not mastered, blank, in .kata/interview/ (your own stub is not touched),",
        "against the clock; graded on every save; hints are charged. Then follow-up questions to answer in",
        "writing, and a scorecard (kept in .kata/interviews.jsonl). Keys, then Enter: s grade now, h hint, q give up."})
final class InterviewCommand implements Callable<Integer> {
    @ParentCommand KataCli cli;

    @Mixin SessionOptions options;

    @Option(names = "--minutes", defaultValue = "45", description = "The time box (default ${DEFAULT-VALUE}).")
    int minutes;

    @Option(names = "--topic", description = "Pick from this topic only.")
    String topic;

    @Option(names = "--difficulty", description = "Pick from this difficulty only: easy, medium or hard.")
    String difficulty;

    @Option(names = "--kata", paramLabel = "SLUG", description = "This kata, rather than the one picked for you.")
    String slug;

    @Option(names = "--no-followups", description = "End with the scorecard, without follow-up questions.")
    boolean noFollowUps;

    @Override
    public Integer call() throws Exception {
        if (minutes < 1 || minutes > 600) throw new IllegalArgumentException("--minutes must be 1 to 600");
        Workspace ws = cli.workspace();
        if (topic != null && !ws.catalogue().topics().contains(topic)) {
            throw new IllegalArgumentException("no topic '" + topic + "' (topics: " + String.join(", ", ws.catalogue().topics()) + ")");
        }
        if (difficulty != null && !List.of("easy", "medium", "hard").contains(difficulty)) {
            throw new IllegalArgumentException("--difficulty is easy, medium or hard");
        }
        Kata k = slug != null ? ws.catalogue().get(slug) : pick(ws);
        if (k == null) {
            cli.out().println("Every kata" + (topic == null ? "" : " in " + topic) + (difficulty == null ? "" : " of difficulty " + difficulty)
                    + " is mastered (solved, and passed cleanly in an interview or review). Name one with --kata SLUG.");
            return 0;
        }
        Scorecard card = session(cli, ws, k, new PracticeSession.Settings(Scorecard.INTERVIEW, minutes, !noFollowUps, !options.noWatch, options.pollOnly,
                options.grading()));
        cli.out().println(cli.ansi().dim("kept in " + PracticeLog.INTERVIEWS + " · blank copy in " + card.workspace()));
        return 0;
    }

    private Kata pick(Workspace ws) {
        Map<String, Status> latest = new HashMap<>();
        for (Map.Entry<String, KataReport> e : ws.latest().entrySet()) latest.put(e.getKey(), e.getValue().status());
        PracticeLog log = new PracticeLog(ws.root());
        List<Scorecard> sessions = new java.util.ArrayList<>(log.interviews());
        sessions.addAll(log.reviews());
        return InterviewPicker.pick(ws.catalogue(), latest, sessions, topic, difficulty).orElse(null);
    }

    /** Runs a session on the keyboard (System.in) and prints its scorecard. */
    static Scorecard session(KataCli cli, Workspace ws, Kata k, PracticeSession.Settings settings) throws Exception {
        Scorecard card = new PracticeSession(ws, cli.ansi(), cli.out(), cli.clock(), System.in, k, settings).run();
        PracticeSession.print(card, cli.ansi(), cli.out());
        return card;
    }
}
