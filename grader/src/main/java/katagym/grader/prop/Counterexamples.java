package katagym.grader.prop;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a learner is shown: the scalars of a counterexample, and whether a difference sits at the tolerance. */
public final class Counterexamples {
    private Counterexamples() {}

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?(?:NaN|Infinity|\\d+(?:\\.\\d+)?(?:E-?\\d+)?)");
    private static final Pattern BOOLEAN = Pattern.compile("(?<!\\w)(?:true|false)(?!\\w)");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(?:u[0-9a-fA-F]{4}|.)");
    private static final Pattern DIFFERS = Pattern.compile(
            "expected (\\S+), got (\\S+) \\(off by [^)]*\\) \\(tolerance rel (\\S+), abs ([^)\\s]+)\\)");

    /** Every scalar: each number and boolean, and each character of each string. */
    public static List<String> scalars(String counterexample) {
        List<String> out = new ArrayList<>();
        Matcher s = STRING.matcher(counterexample);
        StringBuilder outside = new StringBuilder();
        int last = 0;
        while (s.find()) {
            outside.append(counterexample, last, s.start()).append(' ');
            String body = ESCAPE.matcher(s.group(1)).replaceAll("x");
            body.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            last = s.end();
        }
        outside.append(counterexample.substring(last));
        String rest = outside.toString();
        out.addAll(numbers(rest));
        Matcher b = BOOLEAN.matcher(rest);
        while (b.find()) out.add(b.group());
        return out;
    }

    /** The numbers outside strings. */
    public static List<String> numbers(String counterexample) {
        String outside = STRING.matcher(counterexample).replaceAll(" ");
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(outside);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** A small whole number or a short fraction: |v| <= 100 with at most two decimals (3, -1, 0.5, 2.25). */
    public static boolean simple(String number) {
        try {
            double v = Double.parseDouble(number);
            if (!Double.isFinite(v) || Math.abs(v) > 100) return false;
            double scaled = v * 100;
            return Math.abs(scaled - Math.rint(scaled)) < 1e-9;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * True when the message's first difference ("expected E, got G (off by D) (tolerance rel R, abs A)")
     * is smaller than {@code factor} times the tolerance at those values: a real bug that reads as noise.
     */
    public static boolean atToleranceEdge(String message, double factor) {
        if (message == null) return false;
        Matcher m = DIFFERS.matcher(message);
        if (!m.find()) return false;
        try {
            double e = Double.parseDouble(m.group(1)), g = Double.parseDouble(m.group(2));
            double rel = Double.parseDouble(m.group(3)), abs = Double.parseDouble(m.group(4));
            if (!Double.isFinite(e) || !Double.isFinite(g)) return false;
            return Math.abs(e - g) < factor * (abs + rel * Math.max(Math.abs(e), Math.abs(g)));
        } catch (NumberFormatException ex) {
            return false;
        }
    }
}
