package katagym.grader.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Golden vectors computed outside the project by PyTorch, numpy or scikit-learn in float64, copied
 * from the shared set into {@code grader/src/main/resources/golden/<slug>.json}.
 */
public final class Golden {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String slug;
    private final String oracle;
    private final String semantics;
    private final List<Case> cases;

    private Golden(String slug, String oracle, String semantics, List<Case> cases) {
        this.slug = slug;
        this.oracle = oracle;
        this.semantics = semantics;
        this.cases = cases;
    }

    public static boolean exists(String slug) {
        return Golden.class.getClassLoader().getResource(resource(slug)) != null;
    }

    static String resource(String slug) { return "golden/" + slug + ".json"; }

    public static Golden load(String slug) {
        try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(resource(slug))) {
            if (in == null) throw new IllegalStateException("no golden vectors for " + slug + " (" + resource(slug) + ")");
            JsonNode root = JSON.readTree(in);
            List<Case> cases = new ArrayList<>();
            int i = 0;
            for (JsonNode c : root.get("cases")) cases.add(new Case(i++, new Values(c.get("input")), new Values(c.get("output"))));
            return new Golden(slug, root.path("oracle").asText(), root.path("semantics").asText(), List.copyOf(cases));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String slug() { return slug; }
    public String oracle() { return oracle; }
    public String semantics() { return semantics; }
    public List<Case> cases() { return cases; }

    /** One case: named inputs and the outputs expected for them. */
    public record Case(int index, Values input, Values output) {
        /** "golden case 3: x = [...], upstream = [...]" — the counterexample shown on failure. */
        public String describe() { return "golden case " + index + ": " + input.describe(); }
    }

    /** Typed access to a case's named values. */
    public static final class Values {
        private final JsonNode node;

        Values(JsonNode node) { this.node = node; }

        public boolean has(String name) { return node.has(name) && !node.get(name).isNull(); }

        public JsonNode node(String name) {
            JsonNode n = node.get(name);
            if (n == null) throw new IllegalArgumentException("golden value '" + name + "' is missing; have " + names());
            return n;
        }

        public List<String> names() {
            List<String> out = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) out.add(it.next());
            return out;
        }

        public double num(String name) { return node(name).asDouble(); }
        public int integer(String name) { return node(name).asInt(); }
        public long longValue(String name) { return node(name).asLong(); }
        public boolean bool(String name) { return node(name).asBoolean(); }
        public String string(String name) { return node(name).asText(); }

        public double[] vec(String name) { return vec(node(name)); }

        public double[][] mat(String name) {
            JsonNode n = node(name);
            double[][] out = new double[n.size()][];
            for (int i = 0; i < n.size(); i++) out[i] = vec(n.get(i));
            return out;
        }

        public double[][][] tensor3(String name) {
            JsonNode n = node(name);
            double[][][] out = new double[n.size()][][];
            for (int i = 0; i < n.size(); i++) {
                JsonNode m = n.get(i);
                out[i] = new double[m.size()][];
                for (int j = 0; j < m.size(); j++) out[i][j] = vec(m.get(j));
            }
            return out;
        }

        public int[] ints(String name) {
            JsonNode n = node(name);
            int[] out = new int[n.size()];
            for (int i = 0; i < n.size(); i++) out[i] = n.get(i).asInt();
            return out;
        }

        public int[][] intMat(String name) {
            JsonNode n = node(name);
            int[][] out = new int[n.size()][];
            for (int i = 0; i < n.size(); i++) {
                out[i] = new int[n.get(i).size()];
                for (int j = 0; j < out[i].length; j++) out[i][j] = n.get(i).get(j).asInt();
            }
            return out;
        }

        public List<String> strings(String name) {
            List<String> out = new ArrayList<>();
            for (JsonNode s : node(name)) out.add(s.asText());
            return out;
        }

        private static double[] vec(JsonNode n) {
            double[] out = new double[n.size()];
            for (int i = 0; i < n.size(); i++) out[i] = n.get(i).asDouble();
            return out;
        }

        public String describe() {
            StringBuilder sb = new StringBuilder();
            for (String name : names()) {
                if (sb.length() > 0) sb.append(", ");
                sb.append(name).append(" = ").append(node.get(name));
            }
            return sb.toString();
        }
    }
}
