package katagym.grader.hints;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import katagym.grader.catalogue.Kata;
import katagym.grader.catalogue.Statement;
import katagym.grader.report.ReportFiles;

/**
 * How many hints of each kata the learner has seen, in {@code .kata/hints.json}: the one store that
 * {@code ./kata hint}, watch mode's {@code h} key and the local dashboard's kata page all read and
 * write, so a hint revealed in one shows in the others. Changes are made under a file lock
 * ({@code .kata/hints.lock}) and written to a temporary file that replaces the old one, so the CLI and
 * the dashboard revealing at the same moment neither lose a count nor leave half a file.
 */
public final class HintStore {
    public static final String FILE = "hints.json";

    private final Path stateDir;

    /** The store of the repository at {@code root} ({@code root/.kata/hints.json}). */
    public static HintStore of(Path root) {
        return new HintStore(root.resolve(".kata"));
    }

    public HintStore(Path stateDir) {
        this.stateDir = stateDir;
    }

    public Path file() { return stateDir.resolve(FILE); }

    /**
     * A kata's hints in the order they are revealed: the catalogue's, then the statement's Derivation
     * section (the answer) when it has one. Every reader counts against this same list.
     */
    public static List<String> hints(Kata k, String statementText) {
        List<String> hints = new ArrayList<>(k.hints());
        if (statementText != null) {
            Statement.parse(statementText).derivation().ifPresent(d -> hints.add(DERIVATION_HINT + "\n\n" + d));
        }
        return hints;
    }

    /** The first line of the last hint, which reveals the statement's Derivation. */
    public static final String DERIVATION_HINT = "the derivation (the statement's hidden section)";

    /** How many hints of each kata were shown (an unreadable file counts as none: a hint never fails on it). */
    public Map<String, Integer> all() {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (!Files.exists(file())) return out;
        try {
            Map<String, Integer> read = ReportFiles.JSON.readValue(file().toFile(), new TypeReference<LinkedHashMap<String, Integer>>() {});
            if (read != null) read.forEach((slug, n) -> { if (slug != null && n != null && n > 0) out.put(slug, n); });
        } catch (IOException e) {
            // unreadable state: start over rather than fail a hint
        }
        return out;
    }

    /** How many hints of {@code slug} were shown. */
    public int shown(String slug) {
        return all().getOrDefault(slug, 0);
    }

    /** Shows one more hint of {@code slug}, at most {@code total}; returns how many are shown now. */
    public int revealNext(String slug, int total) {
        return update(shown -> {
            int next = Math.min(shown.getOrDefault(slug, 0) + 1, Math.max(total, 0));
            shown.put(slug, next);
            return next;
        });
    }

    /** Hides every hint of {@code slug} again. */
    public void reset(String slug) {
        update(shown -> {
            shown.remove(slug);
            return 0;
        });
    }

    private interface Change { int apply(Map<String, Integer> shown); }

    private synchronized int update(Change change) {
        try {
            Files.createDirectories(stateDir);
            try (FileChannel lockFile = FileChannel.open(stateDir.resolve("hints.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                Map<String, Integer> shown = all();
                int result = change.apply(shown);
                Path tmp = Files.createTempFile(stateDir, "hints", ".tmp");
                try {
                    ReportFiles.JSON.writeValue(tmp.toFile(), shown);
                    try {
                        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
                return result;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(), e);
        }
    }
}
