package katagym.grader.spec;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a contract's {@link Clause}s: those on the interface, its super-interfaces and its methods. */
public final class Clauses {
    private Clauses() {}

    /** Read once per contract: the grader asks on every grading (every save under watch). */
    private static final ClassValue<Map<String, String>> CACHE = new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> contract) {
            Map<String, String> out = new LinkedHashMap<>();
            collect(contract, out);
            return java.util.Collections.unmodifiableMap(out);
        }
    };

    /** Clause id to sentence, interface clauses first, then methods in name order. */
    public static Map<String, String> of(Class<?> contract) {
        return CACHE.get(contract);
    }

    private static void collect(Class<?> type, Map<String, String> out) {
        for (Clause c : type.getAnnotationsByType(Clause.class)) put(out, c, type.getSimpleName());
        List<Method> methods = new ArrayList<>(List.of(type.getDeclaredMethods()));
        methods.sort(Comparator.comparing(Method::getName));
        for (Method m : methods) {
            for (Clause c : m.getAnnotationsByType(Clause.class)) put(out, c, type.getSimpleName() + "." + m.getName());
        }
        for (Class<?> parent : type.getInterfaces()) collect(parent, out);
    }

    private static void put(Map<String, String> out, Clause c, String where) {
        String before = out.putIfAbsent(c.id(), c.value());
        if (before != null && !before.equals(c.value())) {
            throw new IllegalStateException("clause id '" + c.id() + "' is declared twice with different sentences (" + where + ")");
        }
    }
}
