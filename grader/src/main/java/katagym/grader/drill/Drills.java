package katagym.grader.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.TopicPages;

/**
 * Every concept drill of a repository, read from {@code katas/src/main/resources/drills/*.yaml} and
 * checked against every rule of the drill format. A broken file is refused whole, with one line per
 * problem naming the file and the drill id, so a typo never reaches the learner as a wrong "correct answer".
 */
public final class Drills {
    public static final String DIR = "katas/src/main/resources/drills";
    public static final String CURRICULUM = "katas/src/main/resources/curriculum.md";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CURRICULUM_ID = Pattern.compile("(?m)^- ([A-Z][0-9]+) ");
    private static final Set<String> FIELDS = Set.of("id", "curriculum", "kind", "question", "answer", "tolerance", "unit",
            "formula", "inputs", "options", "items", "explanation", "see");

    private final List<Drill> all;
    private final Map<String, Drill> byId = new LinkedHashMap<>();
    private final List<String> topics;

    private Drills(List<Drill> all, List<String> topics) {
        this.all = List.copyOf(all);
        for (Drill d : all) byId.put(d.id(), d);
        this.topics = List.copyOf(topics);
    }

    /** The drills of the repository at {@code root}, checked against its catalogue, curriculum and topic pages. */
    public static Drills load(Path root, Catalogue catalogue) {
        Set<String> pages = new HashSet<>(TopicPages.names(root));
        return load(root.resolve(DIR), catalogue, curriculumIds(root), pages::contains);
    }

    /** The ids of curriculum.md ({@code - L1 ...} lines), in order; empty when the file is absent. */
    public static List<String> curriculumIds(Path root) {
        Path file = root.resolve(CURRICULUM);
        if (!Files.exists(file)) return List.of();
        try {
            List<String> ids = new ArrayList<>();
            Matcher m = CURRICULUM_ID.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) ids.add(m.group(1));
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CURRICULUM, e);
        }
    }

    /**
     * The drills in {@code dir} (none when it does not exist).
     *
     * @param curriculum the valid curriculum ids (empty: not checked)
     * @param topicPage whether a topic page of that name exists
     */
    public static Drills load(Path dir, Catalogue catalogue, List<String> curriculum, Predicate<String> topicPage) {
        List<Drill> drills = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            for (Path f : files) {
                String name = f.getFileName().toString();
                String stem = name.substring(0, name.length() - ".yaml".length());
                Optional<String> topic = topicOf(stem, catalogue);
                if (topic.isEmpty()) {
                    problems.add(name + ": the file name must be a catalogue topic (" + String.join(", ", catalogue.topics()) + ")");
                    continue;
                }
                JsonNode tree;
                try {
                    tree = yaml.readTree(f.toFile());
                } catch (IOException e) {
                    problems.add(name + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
                    continue;
                }
                if (tree == null || !tree.isArray() || tree.isEmpty()) {
                    problems.add(name + ": must be a non-empty YAML list of drills");
                    continue;
                }
                if (!topics.contains(topic.get())) topics.add(topic.get());
                for (int i = 0; i < tree.size(); i++) {
                    new Reader(name, i, topic.get(), tree.get(i), catalogue, curriculum, topicPage, problems).read().ifPresent(drills::add);
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (Drill d : drills) {
            if (!seen.add(d.id())) problems.add(d.file() + ": drill '" + d.id() + "': the id is used by another drill (ids are unique across all files)");
        }
        if (!problems.isEmpty()) throw new DrillDataException(problems);
        List<String> ordered = new ArrayList<>(catalogue.topics().stream().filter(topics::contains).toList());
        return new Drills(drills, ordered);
    }

    /**
     * The catalogue topic a file or {@code --topic} names: the topic itself, or the first part of exactly
     * one topic's name ({@code llm} for {@code llm-inference}, as the drill format lists it).
     */
    public static Optional<String> topicOf(String name, Catalogue catalogue) {
        if (name == null) return Optional.empty();
        if (catalogue.topics().contains(name)) return Optional.of(name);
        List<String> prefixed = catalogue.topics().stream().filter(t -> t.startsWith(name + "-")).toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }

    public List<Drill> all() { return all; }

    /** The topics that have drills, in catalogue order. */
    public List<String> topics() { return topics; }

    public Optional<Drill> find(String id) { return Optional.ofNullable(byId.get(id)); }

    public List<Drill> ofTopic(String topic) { return all.stream().filter(d -> d.topic().equals(topic)).toList(); }

    /** One drill of the file, checked field by field; every problem goes to {@code problems}. */
    private static final class Reader {
        final String file;
        final int index;
        final String topic;
        final JsonNode node;
        final Catalogue catalogue;
        final List<String> curriculumIds;
        final Predicate<String> topicPage;
        final List<String> problems;
        String where;

        Reader(String file, int index, String topic, JsonNode node, Catalogue catalogue, List<String> curriculumIds,
               Predicate<String> topicPage, List<String> problems) {
            this.file = file;
            this.index = index;
            this.topic = topic;
            this.node = node;
            this.catalogue = catalogue;
            this.curriculumIds = curriculumIds;
            this.topicPage = topicPage;
            this.problems = problems;
        }

        void problem(String message) { problems.add(file + ": " + where + ": " + message); }

        Optional<Drill> read() {
            where = "drill " + (index + 1);
            if (node == null || !node.isObject()) {
                problem("must be a mapping (id: ..., kind: ..., ...)");
                return Optional.empty();
            }
            String id = text("id");
            if (id != null) {
                where = "drill '" + id + "'";
                if (!ID.matcher(id).matches()) problem("id must be lowercase letters, digits and single hyphens ([a-z0-9-]+)");
            } else {
                problem("needs an id");
            }
            int before = problems.size();
            node.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) problem("unknown field '" + f + "' (fields: " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
            });
            List<String> curriculum = strings("curriculum");
            if (curriculum == null || curriculum.isEmpty()) problem("needs curriculum: a list of at least one curriculum id, e.g. [A1]");
            else {
                if (new LinkedHashSet<>(curriculum).size() != curriculum.size()) problem("curriculum lists an id twice");
                for (String c : curriculum) {
                    if (!curriculumIds.isEmpty() && !curriculumIds.contains(c)) problem("curriculum id '" + c + "' is not in curriculum.md");
                }
            }
            Drill.Kind kind = null;
            String kindText = text("kind");
            if (kindText == null) problem("needs a kind: numeric, choice, multiple or order");
            else {
                try {
                    kind = Drill.Kind.valueOf(kindText.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problem("kind '" + kindText + "' is none of numeric, choice, multiple, order");
                }
            }
            String question = required("question");
            String explanation = required("explanation");
            String see = required("see");
            if (see != null) checkSee(see);

            List<String> options = List.of();
            List<Integer> correct = List.of();
            List<String> items = List.of();
            double value = Double.NaN;
            double tolerance = Drill.DEFAULT_TOLERANCE;
            String unit = "";
            String formula = null;
            Map<String, Double> inputs = Map.of();
            if (kind != null) {
                if (kind != Drill.Kind.NUMERIC) {
                    for (String f : List.of("tolerance", "unit", "formula", "inputs")) {
                        if (node.has(f)) problem("'" + f + "' is for numeric drills only");
                    }
                }
                if (kind != Drill.Kind.CHOICE && kind != Drill.Kind.MULTIPLE && node.has("options")) problem("'options' is for choice and multiple drills only");
                if (kind != Drill.Kind.ORDER && node.has("items")) problem("'items' is for order drills only");
                switch (kind) {
                    case NUMERIC -> {
                        JsonNode a = node.get("answer");
                        if (a == null || !a.isNumber() || !Double.isFinite(a.asDouble())) {
                            problem("a numeric drill needs answer: a finite number" + (a == null ? "" : ", not " + a + " (write it unquoted, e.g. 1.5e9)"));
                        }
                        else value = a.asDouble();
                        if (node.has("tolerance")) {
                            JsonNode t = node.get("tolerance");
                            if (!t.isNumber() || t.asDouble() < 0 || t.asDouble() >= 1) problem("tolerance must be a relative tolerance, a number in [0, 1)");
                            else tolerance = t.asDouble();
                        }
                        if (node.has("unit")) {
                            JsonNode u = node.get("unit");
                            if (u.isNull()) unit = "";
                            else if (!u.isTextual()) problem("unit must be text");
                            else unit = u.asText().strip();
                        }
                        formula = text("formula");
                        if (formula != null && !ID.matcher(formula).matches()) problem("formula must be a name like kv-cache-bytes-per-token");
                        if (node.has("inputs")) {
                            JsonNode in = node.get("inputs");
                            if (!in.isObject() || in.isEmpty()) problem("inputs must be a mapping of names to numbers, e.g. {d_k: 64}");
                            else {
                                Map<String, Double> read = new LinkedHashMap<>();
                                in.fields().forEachRemaining(e -> {
                                    if (!e.getValue().isNumber()) problem("input '" + e.getKey() + "' must be a number, not " + e.getValue());
                                    else read.put(e.getKey(), e.getValue().asDouble());
                                });
                                inputs = Map.copyOf(read);
                            }
                        }
                        if (formula != null && !node.has("inputs")) problem("formula '" + formula + "' needs its inputs");
                        if (formula == null && node.has("inputs")) problem("inputs are given without a formula to compute from them");
                    }
                    case CHOICE, MULTIPLE -> {
                        options = distinctTexts("options", 2, 6);
                        JsonNode a = node.get("answer");
                        if (kind == Drill.Kind.CHOICE) {
                            if (a == null || !a.isInt()) problem("a choice drill needs answer: the 0-based index of the correct option");
                            else if (options != null && (a.asInt() < 0 || a.asInt() >= options.size())) problem("answer " + a.asInt() + " is not an option index (0 to " + (options.size() - 1) + ")");
                            else correct = List.of(a.asInt());
                        } else {
                            List<Integer> picked = new ArrayList<>();
                            if (a == null || !a.isArray() || a.isEmpty()) problem("a multiple drill needs answer: a list of the 0-based indices of every correct option, e.g. [0, 2]");
                            else {
                                for (JsonNode i : a) {
                                    if (!i.isInt()) problem("answer lists " + i + ", not an option index");
                                    else if (options != null && (i.asInt() < 0 || i.asInt() >= options.size())) problem("answer " + i.asInt() + " is not an option index (0 to " + (options.size() - 1) + ")");
                                    else picked.add(i.asInt());
                                }
                                for (int k = 1; k < picked.size(); k++) {
                                    if (picked.get(k) <= picked.get(k - 1)) {
                                        problem("answer must list distinct indices in increasing order, e.g. [0, 2]");
                                        break;
                                    }
                                }
                            }
                            correct = List.copyOf(picked);
                        }
                        if (options == null) options = List.of();
                    }
                    case ORDER -> {
                        items = distinctTexts("items", 3, 6);
                        if (items == null) items = List.of();
                        if (node.has("answer")) problem("an order drill gives its items in the correct order and no answer");
                    }
                }
            }
            if (problems.size() > before || id == null || kind == null) return Optional.empty();
            return Optional.of(new Drill(id, topic, file, List.copyOf(curriculum), kind, question.strip(), options, correct, items,
                    value, tolerance, unit, formula, inputs, explanation.strip(), see));
        }

        void checkSee(String see) {
            if (see.startsWith("topic:")) {
                String page = see.substring("topic:".length());
                if (!topicPage.test(page)) problem("see '" + see + "' names no topic page (katas/src/main/resources/topics/" + page + ".md)");
            } else if (catalogue.find(see).isEmpty()) {
                problem("see '" + see + "' is neither a catalogue kata slug nor topic:<topic-page>");
            }
        }

        String text(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) return null;
            if (!v.isValueNode()) {
                problem(field + " must be text");
                return null;
            }
            return v.asText();
        }

        String required(String field) {
            String v = text(field);
            if (v == null || v.isBlank()) {
                if (node.has(field) && v != null) problem(field + " is empty");
                else if (!node.has(field)) problem("needs " + field);
                return null;
            }
            return v;
        }

        List<String> strings(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) return null;
            if (!v.isArray()) {
                problem(field + " must be a list");
                return null;
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isValueNode() || e.isNull() || e.asText().isBlank()) {
                    problem(field + " has an empty or non-text entry");
                    return null;
                }
                out.add(e.asText().strip());
            }
            return out;
        }

        List<String> distinctTexts(String field, int min, int max) {
            List<String> v = strings(field);
            if (v == null) {
                if (!node.has(field)) problem("needs " + field + ": a list of " + min + " to " + max + " entries");
                return null;
            }
            if (v.size() < min || v.size() > max) problem(field + " has " + v.size() + " entries; the format allows " + min + " to " + max);
            if (new HashSet<>(v).size() != v.size()) problem(field + " has duplicate entries");
            return List.copyOf(v);
        }
    }
}
