package katagym.grader.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import katagym.grader.spec.CheckKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered list of katas, read from {@code catalogue.yaml}: the one place a kata is listed.
 * Everything else (specs, CLI, report, web) asks this class.
 */
public final class Catalogue {
    public static final String RESOURCE = "catalogue.yaml";
    private static volatile Catalogue standard;

    private final List<Kata> katas;
    private final Map<String, Kata> bySlug = new LinkedHashMap<>();

    public Catalogue(List<Kata> katas) {
        this.katas = List.copyOf(katas);
        for (Kata k : katas) {
            if (bySlug.put(k.slug(), k) != null) {
                throw new IllegalStateException("catalogue lists kata '" + k.slug() + "' twice");
            }
        }
    }

    /** The catalogue shipped in the grader jar. */
    public static Catalogue standard() {
        if (standard == null) {
            try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                standard = parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return standard;
    }

    record Entry(String slug, String topic, String title, String difficulty, List<CheckKind> checks, List<String> hints) {}

    static Catalogue parse(InputStream yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        Entry[] entries = mapper.readValue(yaml, Entry[].class);
        List<Kata> katas = new ArrayList<>();
        Set<String> difficulties = Set.of("easy", "medium", "hard");
        for (int i = 0; i < entries.length; i++) {
            Entry e = entries[i];
            if (e.slug() == null || e.topic() == null || e.title() == null) {
                throw new IllegalStateException("catalogue entry " + (i + 1) + " needs slug, topic and title");
            }
            if (!difficulties.contains(e.difficulty())) {
                throw new IllegalStateException("kata '" + e.slug() + "': difficulty must be easy, medium or hard, not " + e.difficulty());
            }
            katas.add(new Kata(i + 1, e.slug(), e.topic(), e.title(), e.difficulty(),
                    e.hints() == null ? List.of() : List.copyOf(e.hints()),
                    e.checks() == null ? List.of() : List.copyOf(e.checks())));
        }
        return new Catalogue(katas);
    }

    public List<Kata> katas() { return katas; }

    public Optional<Kata> find(String slug) { return Optional.ofNullable(bySlug.get(slug)); }

    public Kata get(String slug) {
        Kata k = bySlug.get(slug);
        if (k == null) throw new IllegalArgumentException("no kata '" + slug + "' in the catalogue");
        return k;
    }

    /** Topics in catalogue order. */
    public List<String> topics() {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (Kata k : katas) if (seen.add(k.topic())) out.add(k.topic());
        return out;
    }

    /**
     * Katas selected by a comma-separated list of slugs or topics ("sigmoid,sorting"); empty or null
     * selects everything. Unknown names are an error, listed in the message.
     */
    public List<Kata> select(String selector) {
        if (selector == null || selector.isBlank()) return katas;
        Set<String> wanted = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String s : selector.split(",")) {
            String name = s.trim();
            if (name.isEmpty()) continue;
            if (!bySlug.containsKey(name) && !topics().contains(name)) unknown.add(name);
            wanted.add(name);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown kata or topic: " + String.join(", ", unknown)
                    + " (topics: " + String.join(", ", topics()) + ")");
        }
        return katas.stream().filter(k -> wanted.contains(k.slug()) || wanted.contains(k.topic())).toList();
    }
}
