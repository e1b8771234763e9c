package katagym.grader.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import katagym.grader.catalogue.TopicPages;
import katagym.grader.hints.HintStore;
import katagym.grader.report.KataReport;
import katagym.grader.report.Report;
import katagym.grader.report.ReportFiles;
import katagym.grader.report.Status;
import katagym.grader.report.Streak;

/**
 * The learner's repository as the CLI sees it: the catalogue, the stub and statement files, the run
 * history ({@code .kata/history.jsonl}) and the hints already shown ({@code .kata/hints.json}).
 */
public final class Workspace {
    private final Path root;
    private final Catalogue catalogue;
    private final ReportFiles reports;

    public Workspace(Path root, Catalogue catalogue) {
        this.root = root;
        this.catalogue = catalogue;
        this.reports = new ReportFiles(root);
    }

    public Path root() { return root; }
    public Catalogue catalogue() { return catalogue; }
    public ReportFiles reports() { return reports; }

    public Path stub(Kata k) { return root.resolve(k.stubPath()); }
    public Path statement(Kata k) { return root.resolve(k.statementPath()); }
    public Path stateDir() { return root.resolve(".kata"); }

    public String statementText(Kata k) {
        try {
            return Files.readString(statement(k), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the statement " + k.statementPath(), e);
        }
    }

    /** The topic pages present, by name, sorted. */
    public List<String> topicPages() { return TopicPages.names(root); }

    public boolean topicPageExists(String name) {
        return name != null && name.matches("[a-z0-9][a-z0-9-]*") && Files.isRegularFile(root.resolve(TopicPages.DIR).resolve(name + ".md"));
    }

    public String topicPageText(String name) {
        if (!topicPageExists(name)) throw new IllegalArgumentException("no topic page '" + name + "' (there are: " + String.join(", ", topicPages()) + ")");
        try {
            return Files.readString(root.resolve(TopicPages.DIR).resolve(name + ".md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the topic page " + name, e);
        }
    }

    /** Each kata's latest verdict across the history (a kata never graded is absent). */
    public Map<String, KataReport> latest() {
        Map<String, KataReport> out = new HashMap<>();
        for (Report r : reports.readHistory()) for (KataReport k : r.katas()) out.put(k.slug(), k);
        return out;
    }

    public Status status(Map<String, KataReport> latest, Kata k) {
        KataReport r = latest.get(k.slug());
        return r == null ? Status.PENDING : r.status();
    }

    /** The first kata in catalogue order whose latest verdict is not passed. */
    public Optional<Kata> next(Map<String, KataReport> latest) {
        return catalogue.katas().stream().filter(k -> status(latest, k) != Status.PASSED).findFirst();
    }

    /** Days in a row, ending today or yesterday, on which some run passed at least one kata. */
    public int streak() {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Report r : reports.readHistory()) {
            if (r.summary().passed() > 0) {
                days.add(ZonedDateTime.parse(r.generatedAt()).withZoneSameInstant(ZoneId.systemDefault()).toLocalDate());
            }
        }
        return Streak.days(days, LocalDate.now());
    }

    /** The hints already shown, shared with the local dashboard ({@code .kata/hints.json}). */
    public HintStore hints() { return HintStore.of(root); }

    public List<Kata> katas() { return catalogue.katas(); }
}
