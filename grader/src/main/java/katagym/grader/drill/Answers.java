package katagym.grader.drill;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading what the learner types.
 * <ul>
 * <li>Numbers: {@code 1536}, {@code -0.25}, {@code 1.5e9}, {@code 1,500,000,000} or {@code 1_500_000_000}
 * (groups of three), {@code 1.5x10^9} (also {@code ×} or {@code *}), a fraction {@code 3/10}, a
 * percentage {@code 30%} (= 0.3, unless the drill's unit is {@code %}); then optionally a decimal scale
 * {@code k}, {@code M}, {@code G}/{@code B}/{@code bn}, {@code T} (or thousand, million, billion,
 * trillion) or a binary one {@code Ki}, {@code Mi}, {@code Gi}, {@code Ti}; then optionally the drill's
 * unit ({@code bytes}, {@code B} for bytes, {@code FLOPs}, ...). So {@code 1.5 GB} is 1.5e9 bytes and
 * {@code 2 GiB} is 2^31 bytes. Anything else (like {@code 1,5}) is refused, not guessed.</li>
 * <li>Labels: letters {@code a}-{@code f} or numbers {@code 1}-{@code 6}, separated by commas, spaces or
 * {@code >}: {@code a,c}, {@code 1 3}, {@code c > a > b}.</li>
 * </ul>
 */
public final class Answers {
    private Answers() {}

    private static final Pattern NUMBER = Pattern.compile(
            "([+-]?)((?:\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?:_\\d{3})+|\\d+)(?:\\.\\d*)?|\\.\\d+)"
                    + "(?:[eE]([+-]?\\d+)|\\s*[x×*]\\s*10\\s*\\^\\s*([+-]?\\d+))?");
    private static final String[][] SCALES = {
            {"thousand", "1e3"}, {"million", "1e6"}, {"billion", "1e9"}, {"trillion", "1e12"},
            {"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
            {"bn", "1e9"}, {"k", "1e3"}, {"K", "1e3"}, {"M", "1e6"}, {"G", "1e9"}, {"B", "1e9"}, {"T", "1e12"}};

    /** The number the learner typed, in the drill's unit; throws {@link BadAnswer} if it cannot be read. */
    public static double number(String text, String unit) {
        String s = text.strip();
        Matcher m = NUMBER.matcher(s);
        if (!m.lookingAt()) throw bad(text, unit);
        double v = value(m);
        String rest = s.substring(m.end()).strip();
        if (rest.startsWith("/")) {
            Matcher d = NUMBER.matcher(rest.substring(1).strip());
            if (!d.lookingAt()) throw bad(text, unit);
            double denominator = value(d);
            if (denominator == 0) throw new BadAnswer("'" + text + "' divides by zero");
            v /= denominator;
            rest = rest.substring(1).strip().substring(d.end()).strip();
        }
        if (rest.isEmpty() || isUnit(rest, unit)) return v;
        if (rest.equals("%")) return v / 100;
        for (String[] scale : SCALES) {
            boolean word = scale[0].length() > 2;
            if (word ? rest.toLowerCase(Locale.ROOT).startsWith(scale[0]) : rest.startsWith(scale[0])) {
                String after = rest.substring(scale[0].length()).strip();
                // "B" alone is a billion only where it cannot mean bytes
                if (scale[0].equals("B") && isUnit("B", unit)) continue;
                if (after.isEmpty() || isUnit(after, unit) || (scale[0].length() <= 2 && after.equals("B") && isUnit("bytes", unit))) {
                    return v * Double.parseDouble(scale[1]);
                }
            }
        }
        throw bad(text, unit);
    }

    private static double value(Matcher m) {
        String mantissa = m.group(2).replace(",", "").replace("_", "");
        String exponent = m.group(3) != null ? m.group(3) : m.group(4);
        BigDecimal v = new BigDecimal(mantissa.endsWith(".") ? mantissa + "0" : mantissa);
        double d = exponent == null ? v.doubleValue() : Double.parseDouble(v.toPlainString() + "e" + exponent);
        return m.group(1).equals("-") ? -d : d;
    }

    /** Whether {@code text} names {@code unit}: the same word up to case and a plural s, or a usual abbreviation. */
    static boolean isUnit(String text, String unit) {
        if (unit == null || unit.isBlank()) return false;
        String t = singular(text), u = singular(unit);
        if (t.equals(u)) return true;
        return switch (u) {
            case "byte" -> t.equals("b");
            case "parameter" -> t.equals("param");
            case "%" -> t.equals("percent");
            case "second" -> t.equals("s") || t.equals("sec");
            case "token" -> t.equals("tok");
            default -> false;
        };
    }

    private static String singular(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        return t.length() > 2 && t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
    }

    private static BadAnswer bad(String text, String unit) {
        return new BadAnswer("could not read '" + text.strip() + "' as a number" + (unit == null || unit.isBlank() ? "" : " of " + unit)
                + ": write it like 1536, 1.5e9, 1,500,000,000, 1.5G or 3/10");
    }

    private static final Pattern LABEL = Pattern.compile("[a-zA-Z]|\\d+");

    /** The 0-based indices of the labels typed ({@code a} or {@code 1} is 0), in the order typed. */
    public static List<Integer> labels(String text, int count) {
        String s = text.strip();
        if (s.isEmpty()) throw new BadAnswer("type a label: a letter (a) or a number (1)");
        List<Integer> out = new ArrayList<>();
        for (String token : s.split("[\\s,;>]+")) {
            if (token.isEmpty()) continue;
            if (!LABEL.matcher(token).matches()) {
                throw new BadAnswer("'" + token + "' is not a label: type letters a-" + Drill.label(count - 1) + " or numbers 1-" + count);
            }
            int i = Character.isDigit(token.charAt(0))
                    ? (token.length() > 2 ? Integer.MAX_VALUE : Integer.parseInt(token) - 1)
                    : Character.toLowerCase(token.charAt(0)) - 'a';
            if (i < 0 || i >= count) throw new BadAnswer("there is no option '" + token + "': type letters a-" + Drill.label(count - 1) + " or numbers 1-" + count);
            out.add(i);
        }
        if (out.isEmpty()) throw new BadAnswer("type a label: a letter (a) or a number (1)");
        return out;
    }

    /** A number as the learner would write it: no trailing .0, scientific notation when it is huge or tiny. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
        if (Math.abs(v) >= 1e15 || Math.abs(v) < 1e-4) return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+e", "e");
        return BigDecimal.valueOf(v).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
