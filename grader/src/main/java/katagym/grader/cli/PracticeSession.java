package katagym.grader.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import katagym.grader.catalogue.FollowUps;
import katagym.grader.catalogue.Kata;
import katagym.grader.catalogue.Statement;
import katagym.grader.practice.PracticeLog;
import katagym.grader.practice.Scorecard;
import katagym.grader.report.CheckReport;
import katagym.grader.report.KataReport;
import katagym.grader.report.Status;
import katagym.grader.run.Ansi;
import katagym.grader.run.GradeOptions;

/**
 * One timed session on a blank copy of a kata: what {@code ./kata interview} and {@code ./kata review} run.
 * The copy lives in {@code .kata/<mode>/<id>/} with the kata's package path, so the learner's own stub is
 * never touched; it is graded on every save by a {@link Watcher} on that one file, and its gradings stay in
 * the scorecard (never in {@code history.jsonl}).
 *
 * <p>Everything that happens arrives as an event on one queue, taken by one thread: a verdict (from the
 * watcher, or from the {@code s} key), a line typed on the keyboard ({@code h} hint, {@code q} give up,
 * {@code s} grade now; later the written answers), a clock tick. Time is read from the injected
 * {@link Clock}, so a test moves it instead of waiting.
 */
final class PracticeSession {
    static final long TICK_MS = 200;
    /** Follow-up questions asked after an interview. */
    static final int FOLLOW_UPS = 3;
    /** A warning is printed once when this many minutes are left. */
    static final int WARN_MINUTES = 5;
    static final String NO_MODEL_ANSWER = "no model answers yet; see the statement's theory";
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private sealed interface Event permits Verdict, Line, Tick, EndOfInput {}
    /** A grading, with the source it graded (null if unreadable). */
    private record Verdict(KataReport report, String source) implements Event {}
    private record Line(String text) implements Event {}
    private record Tick() implements Event {}
    private record EndOfInput() implements Event {}

    /** How the session is set up. */
    record Settings(String mode, int minutes, boolean followUps, boolean watchFiles, boolean pollOnly, GradeOptions options) {}

    private final Workspace ws;
    private final Ansi ansi;
    private final PrintStream out;
    private final Clock clock;
    private final InputStream keyboard;
    private final Kata kata;
    private final Settings settings;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    PracticeSession(Workspace ws, Ansi ansi, PrintStream out, Clock clock, InputStream keyboard, Kata kata, Settings settings) {
        this.ws = ws;
        this.ansi = ansi;
        this.out = out;
        this.clock = clock;
        this.keyboard = keyboard;
        this.kata = kata;
        this.settings = settings;
    }

    /** Runs the session to its end and returns the scorecard, appended to the practice log. */
    Scorecard run() throws IOException, InterruptedException {
        Instant start = clock.instant();
        String id = ID.format(start) + "-" + kata.slug();
        Path folder = ws.stateDir().resolve(settings.mode()).resolve(id);
        Path file = blankCopy(folder);
        String shownFile = ws.root().relativize(file).toString();

        startKeyboard();
        Thread ticker = startTicker();
        Tally tally = new Tally();
        String ending;
        boolean warned = false;
        List<String> hintTexts = HintCommand.hints(ws, kata);
        Instant deadline = start.plus(Duration.ofMinutes(settings.minutes()));
        try (Watcher watcher = new Watcher(ws, ansi, out, settings.options(), r -> events.add(new Verdict(r, read(file))),
                settings.watchFiles() && !settings.pollOnly(), Watcher.Watched.copy(kata, folder, file))) {
            // the header last: the watcher has taken its first look at the blank copy, so any save after it is seen
            out.println(ansi.bold(capitalised(settings.mode()) + ": " + kata.slug()) + " — " + kata.title()
                    + " (" + kata.topic() + ", " + kata.difficulty() + ") · " + settings.minutes() + " minutes on the clock");
            out.println("  edit  " + shownFile + "   (a blank copy: your own " + kata.stubPath() + " is not touched)");
            out.println("  keys, then Enter: s grade now · h hint (charged on the scorecard) · q give up");
            out.println();
            out.println(statementForSession());
            out.flush();
            Thread loop = null;
            if (settings.watchFiles()) {
                loop = new Thread(watcher::loop, "kata-" + settings.mode() + "-watch");
                loop.setDaemon(true);
                loop.start();
            }
            while (true) {
                Event e = events.take();
                Instant now = clock.instant();
                if (e instanceof Verdict v) {
                    long at = seconds(start, now);
                    if (!tally.count(v, at)) continue;
                    if (tally.firstPass != null) {
                        ending = Scorecard.PASSED;
                        out.println(ansi.green("  Passed in " + clockText(at) + "."));
                        break;
                    }
                    out.println(ansi.dim("  " + clockText(at) + " elapsed · " + clockText(Math.max(0, seconds(now, deadline)))
                            + " left · " + tally.attempts + (tally.attempts == 1 ? " attempt" : " attempts") + " · " + tally.hints + " hints"));
                } else if (e instanceof Line l) {
                    String key = l.text().strip().toLowerCase();
                    if (key.equals("q")) {
                        ending = Scorecard.GAVE_UP;
                        out.println("  You gave up after " + clockText(seconds(start, now)) + ".");
                        break;
                    } else if (key.equals("h")) {
                        if (tally.hints < hintTexts.size()) {
                            tally.hints++;
                            out.println(ansi.bold("Hint " + tally.hints + "/" + hintTexts.size() + " (charged): ") + hintTexts.get(tally.hints - 1));
                        } else {
                            out.println(ansi.dim("(no more hints)"));
                        }
                    } else if (key.equals("s")) {
                        watcher.grade(kata);
                    }
                } else if (e instanceof Tick) {
                    if (!now.isBefore(deadline)) {
                        ending = Scorecard.TIME_UP;
                        out.println(ansi.yellow("  Time is up (" + settings.minutes() + " minutes)."));
                        break;
                    }
                    if (!warned && settings.minutes() > WARN_MINUTES && !now.isBefore(deadline.minus(Duration.ofMinutes(WARN_MINUTES)))) {
                        warned = true;
                        out.println(ansi.yellow("  " + WARN_MINUTES + " minutes left."));
                    }
                }
            }
            watcher.close();
            if (loop != null) loop.join(2000);
        } finally {
            ticker.interrupt();
        }
        Instant end = clock.instant();
        List<Scorecard.Answer> answers = settings.followUps() ? askFollowUps() : List.of();
        // the keyboard thread is a daemon blocked in a read: it ends with the process
        Scorecard card = new Scorecard(Scorecard.SCHEMA_VERSION, id, settings.mode(), kata.slug(), kata.topic(), kata.difficulty(),
                start.toString(), end.toString(), settings.minutes(), tally.firstCompile, tally.firstPass, tally.firstPass != null, ending,
                tally.attempts, tally.hints, tally.failedChecks(), answers, ws.root().relativize(folder).toString());
        new PracticeLog(ws.root()).append(card);
        return card;
    }

    /** What the scorecard counts, as the session goes. */
    private static final class Tally {
        int attempts;
        int hints;
        Long firstCompile;
        Long firstPass;
        final Map<String, Integer> failed = new LinkedHashMap<>();
        private String lastGraded;

        /**
         * Counts a grading {@code at} seconds in; false when it graded the version counted last (an editor's
         * save can arrive as several events, and s re-grades an unchanged file): one attempt per version.
         */
        boolean count(Verdict v, long at) {
            if (v.source() != null && v.source().equals(lastGraded)) return false;
            lastGraded = v.source();
            attempts++;
            boolean compiles = v.report().checks().stream().noneMatch(c -> c.name().equals(LocalGrader.COMPILES));
            if (compiles && firstCompile == null) firstCompile = at;
            for (CheckReport c : v.report().checks()) if (c.status() == Status.FAILED) failed.merge(c.name(), 1, Integer::sum);
            if (v.report().status() == Status.PASSED) firstPass = at;
            return true;
        }

        List<Scorecard.FailedCheck> failedChecks() {
            return failed.entrySet().stream().map(x -> new Scorecard.FailedCheck(x.getKey(), x.getValue())).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** The shipped stub (from git history, as {@code ./kata reset} finds it) written to the session's folder. */
    private Path blankCopy(Path folder) throws IOException, InterruptedException {
        String pristine = ResetCommand.pristine(ws.root(), kata.stubPath());
        Path file = folder.resolve(kata.javaPackage().replace('.', '/')).resolve(kata.baseName() + "Kata.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, pristine, StandardCharsets.UTF_8);
        return file;
    }

    /** The statement without its Derivation (the answers) and without its follow-up questions (asked at the end). */
    private String statementForSession() {
        String text = Statement.parse(ws.statementText(kata)).withoutDerivation(null);
        int at = text.indexOf(FollowUps.HEADING);
        return (at < 0 ? text : text.substring(0, at)).stripTrailing();
    }

    /** Two or three of the statement's follow-up questions, each answered in lines up to an empty one. */
    private List<Scorecard.Answer> askFollowUps() throws InterruptedException {
        String statement = ws.statementText(kata);
        List<String> questions = FollowUps.questions(statement);
        if (questions.isEmpty()) return List.of();
        List<String> models = modelAnswers();
        int n = Math.min(FOLLOW_UPS, questions.size());
        out.println();
        out.println(ansi.bold("Follow-up questions") + " — answer in writing; an empty line ends each answer.");
        List<Scorecard.Answer> answers = new ArrayList<>();
        boolean inputOpen = true;
        for (int i = 0; i < n; i++) {
            out.println();
            out.println(ansi.bold((i + 1) + "/" + n + ". ") + questions.get(i));
            out.flush();
            StringBuilder written = new StringBuilder();
            while (inputOpen) {
                Event e = events.take();
                if (e instanceof EndOfInput) inputOpen = false;
                else if (e instanceof Line l) {
                    if (l.text().isBlank()) {
                        if (written.length() > 0) break;
                        continue; // a stray Enter before the answer starts
                    }
                    if (written.length() > 0) written.append('\n');
                    written.append(l.text().stripTrailing());
                }
            }
            answers.add(new Scorecard.Answer(questions.get(i), written.toString(), i < models.size() ? models.get(i) : null));
        }
        return answers;
    }

    /** The model answers of {@code katas/src/main/resources/answers/SLUG.md}, or none when the file is not there yet. */
    private List<String> modelAnswers() {
        Path file = ws.root().resolve(kata.answersPath());
        try {
            if (Files.isRegularFile(file)) return FollowUps.answers(Files.readString(file, StandardCharsets.UTF_8));
            try (var in = PracticeSession.class.getClassLoader().getResourceAsStream(kata.answersResource())) {
                if (in != null) return FollowUps.answers(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + kata.answersPath(), e);
        }
        return List.of();
    }

    /** Lines typed on the keyboard become events; the end of input is one too. */
    private void startKeyboard() {
        Thread t = new Thread(() -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(keyboard, StandardCharsets.UTF_8));
            try {
                String line;
                while ((line = in.readLine()) != null) events.add(new Line(line));
            } catch (IOException ignored) {
                // the keyboard went away
            }
            events.add(new EndOfInput());
        }, "kata-" + settings.mode() + "-keys");
        t.setDaemon(true);
        t.start();
    }

    private Thread startTicker() {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(TICK_MS);
                    events.add(new Tick());
                }
            } catch (InterruptedException stopped) {
                // the session is over
            }
        }, "kata-" + settings.mode() + "-clock");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static long seconds(Instant from, Instant to) { return Duration.between(from, to).toSeconds(); }

    static String clockText(long seconds) { return Scorecard.clockText(seconds); }

    private static String capitalised(String s) { return Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    /** The scorecard as the terminal shows it after a session. */
    static void print(Scorecard s, Ansi ansi, PrintStream out) {
        out.println();
        out.println(ansi.bold("Scorecard") + " — " + s.mode() + " " + s.id());
        out.println("  kata            " + s.kata() + " (" + s.topic() + ", " + s.difficulty() + ")");
        String result = switch (s.ending()) {
            case Scorecard.PASSED -> "passed";
            case Scorecard.TIME_UP -> "not passed: time ran out";
            default -> "not passed: gave up";
        };
        out.println("  result          " + (s.passed() ? ansi.green(result) : ansi.red(result)) + " · time box " + clockText(s.minutes() * 60L));
        out.println("  first compile   " + (s.secondsToFirstCompile() == null ? "none" : clockText(s.secondsToFirstCompile())));
        out.println("  first pass      " + (s.secondsToPass() == null ? "not passed" : clockText(s.secondsToPass())));
        out.println("  attempts        " + s.attempts() + (s.attempts() == 1 ? " grading" : " gradings"));
        out.println("  hints used      " + s.hints() + (s.hints() > 0 ? " (charged)" : ""));
        int total = s.failedChecks().stream().mapToInt(Scorecard.FailedCheck::count).sum();
        int checks = s.failedChecks().size();
        out.println("  failed checks   " + (checks == 0 ? "none"
                : checks + (checks == 1 ? " check, " : " checks, ") + total + (total == 1 ? " failure: " : " failures: ") + String.join(", ",
                        s.failedChecks().stream().map(c -> c.name() + " ×" + c.count()).toList())));
        for (int i = 0; i < s.answers().size(); i++) {
            Scorecard.Answer a = s.answers().get(i);
            out.println();
            out.println(ansi.bold("  " + (i + 1) + ". " + a.question()));
            out.println("     you wrote:    " + (a.written().isBlank() ? "(nothing)" : hanging(a.written())));
            out.println("     model answer: " + (a.model() == null ? NO_MODEL_ANSWER : hanging(a.model())));
        }
        out.flush();
    }

    static final int SCREEN_WIDTH = 100;
    private static final String HANGING_INDENT = " ".repeat(19);

    /** Text printed after a 19-column label: each of its lines word-wrapped to the screen, every line after the first indented. */
    static String hanging(String text) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split(" +")) {
                if (line.length() > 0 && HANGING_INDENT.length() + line.length() + 1 + word.length() > SCREEN_WIDTH) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) line.append(' ');
                line.append(word);
            }
            lines.add(line.toString());
        }
        StringBuilder out = new StringBuilder(lines.get(0));
        for (String l : lines.subList(1, lines.size())) out.append('\n').append(l.isEmpty() ? "" : HANGING_INDENT + l);
        return out.toString();
    }
}
