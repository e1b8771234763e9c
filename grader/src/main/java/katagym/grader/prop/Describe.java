package katagym.grader.prop;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/** Renders generated values for humans: arrays as nested lists, records field by field. */
public final class Describe {
    private static final int LIMIT = 4000;

    private Describe() {}

    public static String value(Object v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v);
        if (sb.length() > LIMIT) return sb.substring(0, LIMIT) + " … (" + sb.length() + " chars)";
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v) {
        if (sb.length() > LIMIT) return;
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Double d) {
            sb.append(number(d));
        } else if (v instanceof Float f) {
            sb.append(number(f));
        } else if (v instanceof String s) {
            sb.append('"').append(escape(s)).append('"');
        } else if (v instanceof Character c) {
            sb.append('\'').append(escape(String.valueOf(c))).append('\'');
        } else if (v.getClass().isArray()) {
            sb.append('[');
            int n = Array.getLength(v);
            for (int i = 0; i < n; i++) {
                if (i > 0) sb.append(", ");
                append(sb, Array.get(v, i));
                if (sb.length() > LIMIT) return;
            }
            sb.append(']');
        } else if (v instanceof Record r) {
            sb.append(r.getClass().getSimpleName()).append('(');
            RecordComponent[] parts = r.getClass().getRecordComponents();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) sb.append(", ");
                sb.append(parts[i].getName()).append('=');
                try {
                    var accessor = parts[i].getAccessor();
                    accessor.setAccessible(true);
                    append(sb, accessor.invoke(r));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    sb.append('?');
                }
            }
            sb.append(')');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) sb.append(", ");
                first = false;
                append(sb, o);
                if (sb.length() > LIMIT) return;
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (var e : m.entrySet()) {
                if (!first) sb.append(", ");
                first = false;
                append(sb, e.getKey());
                sb.append('=');
                append(sb, e.getValue());
            }
            sb.append('}');
        } else {
            sb.append(v);
        }
    }

    /** Doubles print exactly (shortest repr that round-trips), so a counterexample can be pasted. */
    public static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d) + ".0";
        return Double.toString(d);
    }

    /**
     * A string value as a Java literal would write it: printable ASCII as is, {@code \\n \\t \\r} by
     * name, everything else as {@code \\uXXXX} (a character outside the BMP as its two surrogates), so
     * U+00A0 never passes for a space, a combining accent is seen, and the input can be pasted into code.
     */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /**
     * A message with its invisible characters made visible ({@code \\t}, {@code \\u00a0}, zero-width and
     * combining characters, other spaces and controls); the line breaks that lay it out stay, and so do
     * visible letters and symbols such as σ or ×.
     */
    public static String visible(String message) {
        if (message == null) return null;
        StringBuilder sb = new StringBuilder();
        message.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == ' ') {
                sb.appendCodePoint(cp);
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (invisible(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static boolean invisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
