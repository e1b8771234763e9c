package katagym;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import katagym.grader.catalogue.Catalogue;
import katagym.grader.catalogue.Kata;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints PIT's mutation score per kata, per topic and overall from {@code mutations.xml}, leaving out
 * surviving mutants listed as equivalent (they change no behaviour). Fails the build below 85%
 * overall or 70% for any kata.
 *
 * <p>The equivalent-mutants file has one line per mutant: {@code Class#method:line MUTATOR  why}.
 */
public final class MutationScores {
    static final double OVERALL_MIN = 0.85;
    static final double KATA_MIN = 0.70;

    record Mutant(String clazz, String method, int line, String mutator, String description, boolean killed, String status) {
        String key() { return clazz + "#" + method + ":" + line + " " + mutator.substring(mutator.lastIndexOf('.') + 1); }
    }

    public static void main(String[] args) throws Exception {
        Path xml = Path.of(args[0]);
        Set<String> equivalent = new HashSet<>();
        if (args.length > 1 && Files.exists(Path.of(args[1]))) {
            for (String line : Files.readAllLines(Path.of(args[1]))) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String[] parts = t.split("\\s+");
                equivalent.add(parts[0] + " " + parts[1]);
            }
        }
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        NodeList nodes = doc.getElementsByTagName("mutation");
        List<Mutant> mutants = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            mutants.add(new Mutant(text(e, "mutatedClass"), text(e, "mutatedMethod"), Integer.parseInt(text(e, "lineNumber")),
                    text(e, "mutator"), text(e, "description"), "true".equals(e.getAttribute("detected")), e.getAttribute("status")));
        }
        Map<String, int[]> byKata = new LinkedHashMap<>();
        Map<String, int[]> byTopic = new LinkedHashMap<>();
        Map<String, List<Mutant>> survivors = new LinkedHashMap<>();
        int killed = 0, counted = 0, excused = 0;
        for (Kata k : Catalogue.standard().katas()) {
            byKata.put(k.slug(), new int[2]);
            byTopic.putIfAbsent(k.topic(), new int[2]);
        }
        Set<String> usedEquivalents = new HashSet<>();
        for (Mutant m : mutants) {
            Kata k = kataOf(m.clazz());
            if (k == null) continue;
            if (!m.killed() && equivalent.contains(m.key())) {
                excused++;
                usedEquivalents.add(m.key());
                continue;
            }
            int[] c = byKata.get(k.slug());
            int[] t = byTopic.get(k.topic());
            c[1]++; t[1]++; counted++;
            if (m.killed()) { c[0]++; t[0]++; killed++; }
            else survivors.computeIfAbsent(k.slug(), s -> new ArrayList<>()).add(m);
        }
        System.out.println();
        System.out.println("Mutation score (oracle checks off), per kata:");
        List<String> weak = new ArrayList<>();
        for (var e : byKata.entrySet()) {
            int[] c = e.getValue();
            if (c[1] == 0) continue;
            double score = (double) c[0] / c[1];
            if (score < KATA_MIN) weak.add(e.getKey());
            System.out.printf("  %-32s %5.1f%%  (%d/%d)%s%n", e.getKey(), 100 * score, c[0], c[1], score < KATA_MIN ? "  < 70%" : "");
        }
        System.out.println("per topic:");
        for (var e : byTopic.entrySet()) {
            int[] c = e.getValue();
            if (c[1] > 0) System.out.printf("  %-32s %5.1f%%  (%d/%d)%n", e.getKey(), 100.0 * c[0] / c[1], c[0], c[1]);
        }
        double overall = counted == 0 ? 0 : (double) killed / counted;
        System.out.printf("overall: %.1f%% (%d killed of %d; %d equivalent mutants excluded)%n", 100 * overall, killed, counted, excused);
        if (!survivors.isEmpty()) {
            System.out.println("surviving mutants (list the equivalent ones in reference/equivalent-mutants.txt):");
            survivors.forEach((slug, ms) -> ms.forEach(m -> System.out.println("  " + m.key() + "  " + m.description() + "  [" + m.status() + "]")));
        }
        Set<String> stale = new HashSet<>(equivalent);
        stale.removeAll(usedEquivalents);
        if (!stale.isEmpty()) System.out.println("listed as equivalent but not a surviving mutant any more: " + stale);
        if (overall < OVERALL_MIN || !weak.isEmpty()) {
            throw new IllegalStateException(String.format("mutation score %.1f%% (need %.0f%%), katas under %.0f%%: %s",
                    100 * overall, 100 * OVERALL_MIN, 100 * KATA_MIN, weak));
        }
    }

    /** The kata whose reference class (or one of its nested classes) is {@code clazz}. */
    static Kata kataOf(String clazz) {
        String outer = clazz.contains("$") ? clazz.substring(0, clazz.indexOf('$')) : clazz;
        return Catalogue.standard().katas().stream().filter(k -> k.referenceClass().equals(outer)).findFirst().orElse(null);
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent();
    }
}
