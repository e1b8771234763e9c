package katagym.grader.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import katagym.grader.catalogue.Kata;
import katagym.grader.report.KataReport;
import katagym.grader.report.Report;
import katagym.grader.report.Status;
import katagym.grader.run.Ansi;
import katagym.grader.run.GradeOptions;
import katagym.grader.run.SummaryPrinter;

/**
 * Watches the stub sources and re-grades a kata on each save: compile in memory, grade, print the
 * verdict and a progress bar, append the run to the history. Compile errors and hostile code end
 * in a message; the watcher keeps running.
 *
 * <p>Saves are noticed from the file system's change events and, as a backstop, by comparing each
 * stub's modification time and size every {@value #POLL_MS} ms: some file systems send no events
 * (Windows drives under WSL, network mounts), and a machine can run out of inotify watches.
 */
public final class Watcher implements AutoCloseable {
    private final Workspace ws;
    private final Ansi ansi;
    private final PrintStream out;
    private final GradeOptions options;
    private final LocalGrader grader;
    private final WatchService service; // null without change events: saves are then found by the periodic check
    private final Map<WatchKey, Path> dirs = new HashMap<>();
    private final Map<Path, Kata> byFile = new HashMap<>();
    private final Consumer<KataReport> onVerdict;
    private final Map<Path, String> seen = new HashMap<>(); // stub -> modification time and size last graded or seen
    private final String eventsUnavailable;
    private volatile Kata current;
    private volatile boolean closed;
    private volatile boolean advance;
    private final boolean learnerStubs;

    static final long POLL_MS = 250;
    private static final String MISSING = "missing";

    public Watcher(Workspace ws, Ansi ansi, PrintStream out, GradeOptions options, Consumer<KataReport> onVerdict) throws IOException {
        this(ws, ansi, out, options, onVerdict, true);
    }

    /** @param changeEvents false to rely on the periodic check alone (what a file system without events gives) */
    public Watcher(Workspace ws, Ansi ansi, PrintStream out, GradeOptions options, Consumer<KataReport> onVerdict,
                   boolean changeEvents) throws IOException {
        this(ws, ansi, out, options, onVerdict, changeEvents, Watched.learnerStubs(ws));
    }

    /**
     * What a watcher grades: the kata files under one folder. The learner's stubs are graded as
     * {@code watch} does (report, history, progress bar); a copy elsewhere (an interview's blank file)
     * only prints its verdict and hands it to {@code onVerdict}: it is not the learner's solution.
     */
    public record Watched(Path folder, Map<Path, Kata> files, boolean learnerStubs) {
        static Watched learnerStubs(Workspace ws) {
            Map<Path, Kata> files = new HashMap<>();
            for (Kata k : ws.katas()) files.put(ws.stub(k).toAbsolutePath().normalize(), k);
            return new Watched(ws.root().resolve("katas/src/main/java"), files, true);
        }

        /** One kata's source file outside the learner's tree, e.g. {@code .kata/interview/.../SigmoidKata.java}. */
        public static Watched copy(Kata k, Path folder, Path file) {
            return new Watched(folder, Map.of(file.toAbsolutePath().normalize(), k), false);
        }
    }

    public Watcher(Workspace ws, Ansi ansi, PrintStream out, GradeOptions options, Consumer<KataReport> onVerdict,
                   boolean changeEvents, Watched watched) throws IOException {
        this.ws = ws;
        this.ansi = ansi;
        this.out = out;
        this.options = options;
        this.onVerdict = onVerdict;
        this.learnerStubs = watched.learnerStubs();
        Map<Kata, Path> sources = new HashMap<>();
        for (Map.Entry<Path, Kata> e : watched.files().entrySet()) {
            byFile.put(e.getKey(), e.getValue());
            sources.put(e.getValue(), e.getKey());
            seen.put(e.getKey(), stamp(e.getKey()));
        }
        this.grader = new LocalGrader(sources::get, new StubCompiler());
        WatchService events = null;
        String why = "turned off";
        if (changeEvents) {
            try {
                events = FileSystems.getDefault().newWatchService();
                register(events, watched.folder());
                why = null;
            } catch (IOException | UnsupportedOperationException e) {
                // e.g. the machine's inotify instance or watch limit is reached
                why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                if (events != null) events.close();
                events = null;
                dirs.clear();
            }
        }
        this.service = events;
        this.eventsUnavailable = why;
    }

    private void register(WatchService events, Path sources) throws IOException {
        try (Stream<Path> all = Files.walk(sources)) {
            for (Path d : all.filter(Files::isDirectory).toList()) {
                dirs.put(d.register(events, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY), d);
            }
        }
    }

    /** Why the file system's change events are not used (saves are then found by the periodic check), if they are not. */
    public Optional<String> eventsUnavailable() { return Optional.ofNullable(eventsUnavailable); }

    public Optional<Kata> current() { return Optional.ofNullable(current); }

    public void focus(Kata k) { current = k; }

    /** After the kata in focus passes, move on to the next unsolved one by itself (rather than on the key n). */
    public void advanceOnPass(boolean on) { advance = on; }

    /** Compiles and grades one kata now, prints its verdict, records the run. */
    public synchronized KataReport grade(Kata k) {
        current = k;
        KataReport r = grader.grade(List.of(k), options.withSeed(options.seed()), x -> { }).get(0);
        if (!learnerStubs) {
            GradeCommand.printVerdict(r, ansi, out);
            out.flush();
            onVerdict.accept(r);
            return r;
        }
        ws.reports().write(Report.of("katas", options.strict(), options.seed(), List.of(r)));
        GradeCommand.printVerdict(r, ansi, out);
        var latest = ws.latest();
        if (r.status() == Status.PASSED) {
            ws.next(latest).ifPresentOrElse(next -> {
                if (advance) {
                    current = next;
                    out.println(ansi.bold("  → next: " + next.slug()) + " — " + next.title() + "; edit " + next.stubPath());
                } else {
                    out.println("  Solved. Press n for the next kata: " + next.slug() + " — " + next.title());
                }
            }, () -> out.println(ansi.green("  Every kata passes.")));
        }
        long solved = ws.katas().stream().filter(x -> ws.status(latest, x) == Status.PASSED).count();
        out.println(ansi.dim("  solved " + solved + "/" + ws.katas().size() + " ")
                + ansi.green(SummaryPrinter.bar((int) solved, ws.katas().size(), 30))
                + ansi.dim("   keys: h hint · n next · q quit"));
        out.flush();
        onVerdict.accept(r);
        return r;
    }

    /** Blocks, grading each saved stub, until {@link #close()} is called. */
    public void loop() {
        try {
            while (!closed) {
                WatchKey key = null;
                if (service != null) key = service.poll(POLL_MS, TimeUnit.MILLISECONDS);
                else Thread.sleep(POLL_MS);
                Set<Kata> changed = new LinkedHashSet<>();
                if (key != null) {
                    collect(key, changed);
                    // editors save in bursts (write, rename, touch): gather them into one verdict
                    WatchKey more;
                    while ((more = service.poll(25, TimeUnit.MILLISECONDS)) != null) collect(more, changed);
                }
                changed.addAll(changedSinceSeen());
                for (Kata k : changed) {
                    out.println();
                    out.println(ansi.cyan("↻ " + (learnerStubs ? k.stubPath() : shown(k))));
                    grade(k);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // closed: watch mode ends
        }
    }

    /** A watched copy's path, relative to the repository when it is inside it. */
    private String shown(Kata k) {
        for (Map.Entry<Path, Kata> e : byFile.entrySet()) {
            if (!e.getValue().equals(k)) continue;
            Path root = ws.root().toAbsolutePath().normalize();
            return e.getKey().startsWith(root) ? root.relativize(e.getKey()).toString() : e.getKey().toString();
        }
        return k.stubPath();
    }

    /** The stubs whose modification time or size differs from the last look, remembering the new ones. */
    private Set<Kata> changedSinceSeen() {
        Set<Kata> changed = new LinkedHashSet<>();
        for (Map.Entry<Path, Kata> e : byFile.entrySet()) {
            String now = stamp(e.getKey());
            if (!now.equals(seen.put(e.getKey(), now)) && !now.equals(MISSING)) changed.add(e.getValue());
        }
        return changed;
    }

    private static String stamp(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
        } catch (IOException gone) {
            return MISSING; // deleted, or mid-rename: graded once it is back
        }
    }

    private void collect(WatchKey key, Set<Kata> changed) {
        Path dir = dirs.get(key);
        for (WatchEvent<?> e : key.pollEvents()) {
            if (dir == null || !(e.context() instanceof Path name)) continue;
            Path file = dir.resolve(name).toAbsolutePath().normalize();
            Kata k = byFile.get(file);
            if (k != null) changed.add(k);
            else if (Files.isDirectory(file)) {
                try {
                    dirs.put(file.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY), file);
                } catch (IOException ignored) {
                    // a folder that vanished at once
                }
            }
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (service != null) service.close();
    }
}
