package katagym.web.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.TopicPages;
import katagym.grader.drill.Asked;
import katagym.grader.drill.BadAnswer;
import katagym.grader.drill.Drill;
import katagym.grader.drill.DrillLog;
import katagym.grader.drill.DrillPlan;
import katagym.grader.drill.Drills;

/**
 * The dashboard's concept drills ({@code /drills}, {@code /drills/<topic>}): the same data, grading and
 * answer log ({@code .kata/drills.jsonl} of the local learner) as {@code ./kata drill}.
 */
public final class DrillPages {
    private final Path root;
    private final Catalogue catalogue;
    private final Clock clock;
    private final Markdown markdown = new Markdown();
    /**
     * Order drills are shown shuffled by this server-lifetime salt and the drill id, so the POST names
     * the positions the learner chose and the page never carries the answer in a hidden field.
     */
    private final long salt = new java.security.SecureRandom().nextLong();

    public DrillPages(Path root, Catalogue catalogue, Clock clock) {
        this.root = root;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** A row of /drills: a topic's drill count, accuracy and how many are due. */
    public record TopicRow(String topic, int drills, int answered, int correctAnswers, int answers, int accuracy, int due) {}

    public record Overview(List<TopicRow> topics, int drills, int due) {}

    /** One option or item as the form shows it: its label (a, b, ...), its text, and its checked state after an answer. */
    public record Choice(String label, String text, boolean picked) {}

    /**
     * A drill on its page: the form to answer it, or (with {@code result}) the outcome.
     *
     * @param csrf the anti-forgery token to echo in the form, when the server issues one (null: none)
     * @param error why the last answer could not be read (400), or null
     */
    public record Question(String topic, String id, String kind, String questionHtml, String unit, List<Choice> choices,
                           TopicRow stats, String csrf, String error, String typed, Result result) {
        public boolean numeric() { return kind.equals("numeric"); }
        public boolean order() { return kind.equals("order"); }
        public boolean multiple() { return kind.equals("multiple"); }
        public int size() { return choices.size(); }
    }

    /** The outcome of an answer: right or not, the answer, the explanation and where it is taught. */
    public record Result(boolean correct, String given, String answer, String explanationHtml, String seeUrl, String seeName) {}

    /** An answer the form could not give (a missing or malformed field): 400, nothing recorded. */
    public static final class BadForm extends IllegalArgumentException {
        public BadForm(String message) { super(message); }
    }

    private final PageCache loaded = new PageCache(1);

    /**
     * The drill data, read again only when one of its files changed: parsing every YAML file takes 14–20 ms,
     * and each page and answer needs the data.
     */
    private Drills drills() {
        List<Object> stamp = new ArrayList<>();
        for (Path p : List.of(root.resolve(Drills.DIR), root.resolve(Drills.CURRICULUM), root.resolve(TopicPages.DIR))) {
            stamp.add(PageCache.modified(p));
            if (Files.isDirectory(p)) {
                try (var files = Files.list(p)) {
                    files.sorted().forEach(f -> stamp.add(f.getFileName() + "@" + PageCache.modified(f)));
                } catch (IOException e) {
                    stamp.add("unlisted");
                }
            }
        }
        return loaded.get("drills", stamp, () -> Drills.load(root, catalogue));
    }

    private DrillLog log() { return new DrillLog(root); }

    public Overview overview() {
        Drills drills = drills();
        DrillPlan plan = new DrillPlan(log().read(), clock.instant());
        List<TopicRow> rows = new ArrayList<>();
        int due = 0;
        for (String t : drills.topics()) {
            TopicRow row = row(plan.stats(t, drills.ofTopic(t)));
            rows.add(row);
            due += row.due();
        }
        return new Overview(rows, drills.all().size(), due);
    }

    private static TopicRow row(DrillPlan.TopicStats s) {
        return new TopicRow(s.topic(), s.drills(), s.answered(), s.correctAnswers(), s.answers(), s.accuracy(), s.due());
    }

    /** The next drill of a topic (never answered or last wrong first, then due, then the rest), skipping {@code after}. */
    public Optional<Question> next(String topicName, String after, String csrf) {
        Drills drills = drills();
        Optional<String> topic = Drills.topicOf(topicName, catalogue).filter(t -> !drills.ofTopic(t).isEmpty());
        if (topic.isEmpty()) return Optional.empty();
        List<Drill> pool = drills.ofTopic(topic.get());
        DrillPlan plan = new DrillPlan(log().read(), clock.instant());
        List<Drill> order = plan.pick(pool, pool.size());
        Drill d = order.stream().filter(x -> !x.id().equals(after)).findFirst().orElse(order.get(0));
        return Optional.of(question(asked(d), row(plan.stats(topic.get(), pool)), csrf, null, null, null, Set.of()));
    }

    /** The drill of a topic by id, for the POST: empty when the topic or the id is unknown, or the id is another topic's. */
    public Optional<Drill> find(String topicName, String id) {
        Drills drills = drills();
        Optional<String> topic = Drills.topicOf(topicName, catalogue);
        if (topic.isEmpty() || id == null) return Optional.empty();
        return drills.find(id).filter(d -> d.topic().equals(topic.get()));
    }

    /**
     * Grades a submitted form and records the answer. {@code form} holds the fields: {@code answer}
     * (numeric), {@code choice} (one for choice, one or more for multiple), {@code pos-<label>} (order).
     *
     * @throws BadForm when a field is missing or malformed: nothing is recorded
     */
    public Question answer(Drill d, Map<String, List<String>> form, String csrf) {
        Asked q = asked(d);
        String typed = typed(q, form);
        Asked.Graded graded;
        try {
            graded = q.grade(typed);
        } catch (BadAnswer e) {
            throw new BadForm(e.getMessage());
        }
        log().record(d, graded.correct(), graded.given(), clock.instant());
        DrillPlan plan = new DrillPlan(log().read(), clock.instant());
        String given = graded.given();
        if (d.kind() == Drill.Kind.CHOICE || d.kind() == Drill.Kind.MULTIPLE) {
            // the options picked, with the labels they were shown with (the options are shuffled)
            List<String> named = new ArrayList<>();
            for (String l : new java.util.TreeSet<>(form.getOrDefault("choice", List.of()))) {
                named.add(l + ") " + q.shownChoices().get(l.charAt(0) - 'a'));
            }
            given = String.join("; ", named);
        }
        Result result = new Result(graded.correct(), given, q.answerText(), markdown.toHtml(d.explanation()), d.seeUrl(),
                d.seeKata() != null ? catalogue.get(d.seeKata()).title() : d.seeTopicPage());
        Set<String> picked = new HashSet<>(form.getOrDefault("choice", List.of()));
        return question(q, row(plan.stats(d.topic(), drills().ofTopic(d.topic()))), csrf, null, typed, result, picked);
    }

    /** The form again, with why the answer could not be read. */
    public Question refused(Drill d, Map<String, List<String>> form, String csrf, String error) {
        Drills drills = drills();
        DrillPlan plan = new DrillPlan(log().read(), clock.instant());
        String typed = first(form, "answer");
        return question(asked(d), row(plan.stats(d.topic(), drills.ofTopic(d.topic()))), csrf, error,
                typed == null ? null : typed.substring(0, Math.min(typed.length(), MAX_FIELD)), null, Set.of());
    }

    static final int MAX_FIELD = 100;

    /** The form's fields as the text the terminal would read, checked field by field. */
    static String typed(Asked q, Map<String, List<String>> form) {
        Drill d = q.drill();
        int n = d.choices().size();
        switch (d.kind()) {
            case NUMERIC -> {
                String a = first(form, "answer");
                if (a == null || a.isBlank()) throw new BadForm("type a number in the answer field");
                if (a.length() > MAX_FIELD) throw new BadForm("the answer is longer than " + MAX_FIELD + " characters");
                return a;
            }
            case CHOICE, MULTIPLE -> {
                List<String> picked = form.getOrDefault("choice", List.of());
                if (picked.isEmpty()) throw new BadForm(d.kind() == Drill.Kind.CHOICE ? "pick an option" : "pick at least one option");
                if (d.kind() == Drill.Kind.CHOICE && picked.size() > 1) throw new BadForm("pick one option only");
                for (String p : picked) label(p, n);
                return String.join(",", picked);
            }
            case ORDER -> {
                String[] byPosition = new String[n];
                for (int i = 0; i < n; i++) {
                    String label = Drill.label(i);
                    String pos = first(form, "pos-" + label);
                    if (pos == null || !pos.matches("[1-9]")) throw new BadForm("give item " + label + " a position from 1 to " + n);
                    int p = Integer.parseInt(pos);
                    if (p > n) throw new BadForm("give item " + label + " a position from 1 to " + n);
                    if (byPosition[p - 1] != null) throw new BadForm("items " + byPosition[p - 1] + " and " + label + " both have position " + p + ": give each position once");
                    byPosition[p - 1] = label;
                }
                return String.join(" ", byPosition);
            }
        }
        throw new IllegalStateException(d.kind().toString());
    }

    private static int label(String value, int n) {
        if (value == null || value.length() != 1 || value.charAt(0) < 'a' || value.charAt(0) >= 'a' + n) {
            throw new BadForm("'" + (value == null ? "" : value.substring(0, Math.min(value.length(), 20))) + "' is not one of the options a-" + Drill.label(n - 1));
        }
        return value.charAt(0) - 'a';
    }

    private static String first(Map<String, List<String>> form, String field) {
        List<String> v = form.get(field);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private Asked asked(Drill d) { return Asked.of(d, new Random(salt ^ d.id().hashCode())); }

    private Question question(Asked q, TopicRow stats, String csrf, String error, String typed, Result result, Set<String> picked) {
        Drill d = q.drill();
        List<Choice> choices = new ArrayList<>();
        List<String> shown = q.shownChoices();
        for (int i = 0; i < shown.size(); i++) choices.add(new Choice(Drill.label(i), shown.get(i), picked.contains(Drill.label(i))));
        return new Question(d.topic(), d.id(), d.kind().yamlName(), markdown.toHtml(d.question()), d.unit(), choices, stats, csrf,
                error, typed, result);
    }

    /** For the form of an order drill: the positions 1..n. */
    public static List<Integer> positions(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) out.add(i);
        return out;
    }
}
