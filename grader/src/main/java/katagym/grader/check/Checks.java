package katagym.grader.check;

import java.lang.reflect.Array;
import java.util.function.Supplier;
import katagym.grader.prop.Describe;

/**
 * The assertions specs are written with. Each failure message says what was compared, where the
 * first difference is, and both values, so the learner sees what came out and what was expected.
 */
public final class Checks {
    private Checks() {}

    public static void fail(String message) {
        throw new CheckFailed(message);
    }

    public static void that(boolean condition, String message) {
        if (!condition) throw new CheckFailed(message);
    }

    public static void that(boolean condition, Supplier<String> message) {
        if (!condition) throw new CheckFailed(message.get());
    }

    public static void close(String what, double expected, double actual) {
        close(what, expected, actual, Tolerance.DEFAULT);
    }

    public static void close(String what, double expected, double actual, Tolerance tol) {
        if (!tol.close(expected, actual)) {
            throw new CheckFailed(what + ": expected " + Describe.number(expected) + ", got " + Describe.number(actual)
                    + difference(expected, actual) + " (tolerance " + tol + ")", margin(expected, actual, tol));
        }
    }

    /** For a boxed result (as {@link #pure} returns): avoids the ambiguity between the overloads above and below. */
    public static void close(String what, double expected, Double actual) {
        close(what, expected, actual, Tolerance.DEFAULT);
    }

    public static void close(String what, double expected, Double actual, Tolerance tol) {
        if (actual == null) fail(what + ": expected " + Describe.number(expected) + ", got null");
        close(what, expected, actual.doubleValue(), tol);
    }

    /** Compares two arrays of any rank (double[], double[][], ... or int[]) element by element. */
    public static void close(String what, Object expected, Object actual) {
        close(what, expected, actual, Tolerance.DEFAULT);
    }

    public static void close(String what, Object expected, Object actual, Tolerance tol) {
        compare(what, expected, actual, tol);
    }

    public static void equal(String what, Object expected, Object actual) {
        compare(what, expected, actual, Tolerance.EXACT);
    }

    private static void compare(String path, Object expected, Object actual, Tolerance tol) {
        if (expected == null || actual == null) {
            if (expected != actual) fail(path + ": expected " + Describe.value(expected) + ", got " + Describe.value(actual));
            return;
        }
        if (expected.getClass().isArray()) {
            if (!actual.getClass().isArray()) {
                fail(path + ": expected an array, got " + Describe.value(actual));
            }
            int n = Array.getLength(expected), m = Array.getLength(actual);
            if (n != m) {
                fail(path + " has length " + m + ", expected " + n + ": wrong shape (got " + Describe.value(actual)
                        + ", expected " + Describe.value(expected) + ")");
            }
            for (int i = 0; i < n; i++) compare(path + "[" + i + "]", Array.get(expected, i), Array.get(actual, i), tol);
            return;
        }
        if (expected instanceof Number e && actual instanceof Number a
                && (expected instanceof Double || expected instanceof Float || actual instanceof Double || actual instanceof Float)) {
            double ev = e.doubleValue(), av = a.doubleValue();
            if (!tol.close(ev, av)) {
                throw new CheckFailed(path + " differs: expected " + Describe.number(ev) + ", got " + Describe.number(av)
                        + difference(ev, av) + (tol.equals(Tolerance.EXACT) ? "" : " (tolerance " + tol + ")"), margin(ev, av, tol));
            }
            return;
        }
        if (!expected.equals(actual)) {
            fail(path + " differs: expected " + Describe.value(expected) + ", got " + Describe.value(actual));
        }
    }

    /** The difference in tolerances; infinite when a value is not finite or the tolerance is exact. */
    static double margin(double e, double a, Tolerance tol) {
        if (!Double.isFinite(e) || !Double.isFinite(a)) return Double.POSITIVE_INFINITY;
        double allowed = tol.abs() + tol.rel() * Math.max(Math.abs(e), Math.abs(a));
        return allowed == 0 ? Double.POSITIVE_INFINITY : Math.abs(e - a) / allowed;
    }

    private static String difference(double e, double a) {
        if (!Double.isFinite(e) || !Double.isFinite(a)) return "";
        String relation = relation(e, a);
        return " (off by " + String.format("%.3g", Math.abs(e - a)) + (relation.isEmpty() ? "" : "; " + relation) + ")";
    }

    /**
     * The simple relation between a wrong value and the right one, when there is one: a sign flipped, a
     * whole factor (2× the expected value) or its inverse (1/2 of it), a zero where a value was due.
     */
    static String relation(double expected, double actual) {
        if (expected == 0 || !Double.isFinite(expected) || !Double.isFinite(actual)) return "";
        if (actual == 0) return "got 0 instead";
        double r = actual / expected;
        if (Math.abs(r + 1) < 1e-9) return "sign flipped";
        for (int n = 2; n <= 10; n++) {
            if (Math.abs(Math.abs(r) - n) < 1e-9 * n) return "got " + (r < 0 ? "-" : "") + n + "× the expected value";
            if (Math.abs(Math.abs(r) - 1.0 / n) < 1e-9 / n) return "got " + (r < 0 ? "-" : "") + "1/" + n + " of the expected value";
        }
        return "";
    }

    /** Fails on the first NaN or infinity in a number or array of any rank. */
    public static void finite(String what, Object value) {
        if (value == null) fail(what + " is null");
        if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            for (int i = 0; i < n; i++) finite(what + "[" + i + "]", Array.get(value, i));
        } else if (value instanceof Double d && !Double.isFinite(d)) {
            fail(what + " is " + d + ": not finite");
        }
    }

    /** Fails unless {@code value} is a rectangular array of exactly the given dimensions. */
    public static void shape(String what, Object value, int... dims) {
        shapeAt(what, value, dims, 0);
    }

    private static void shapeAt(String path, Object value, int[] dims, int depth) {
        if (depth == dims.length) return;
        if (value == null || !value.getClass().isArray()) {
            fail(path + " should be an array of length " + dims[depth] + ", got " + Describe.value(value));
        }
        int n = Array.getLength(value);
        if (n != dims[depth]) fail(path + " has length " + n + ", expected " + dims[depth] + " (wrong shape)");
        for (int i = 0; i < n; i++) shapeAt(path + "[" + i + "]", Array.get(value, i), dims, depth + 1);
    }

    /**
     * Calls {@code call} and fails if it changed any of the given input arrays: kata functions must
     * not modify their arguments (a learner who reuses an input as scratch space breaks callers).
     */
    public static <R> R pure(String call, Supplier<R> body, Object... inputs) {
        Object[] before = new Object[inputs.length];
        for (int i = 0; i < inputs.length; i++) before[i] = deepCopy(inputs[i]);
        R result = body.get();
        for (int i = 0; i < inputs.length; i++) {
            String where = firstDifference("argument " + (i + 1), before[i], inputs[i]);
            if (where != null) fail(call + " modified its input: " + where + "; work on a copy");
        }
        return result;
    }

    /**
     * Calls {@code call} twice and fails when a result is not a new object: when it (or any array inside
     * it) is one of the input arrays, or when the two calls return the same array (a buffer reused
     * between calls). Contracts say "returns a new array": a caller who writes into the result must not
     * change its own inputs or an earlier result. Returns the first result.
     */
    public static <R> R fresh(String call, Supplier<R> body, Object... inputs) {
        R first = body.get();
        R second = body.get();
        java.util.IdentityHashMap<Object, String> seen = new java.util.IdentityHashMap<>();
        for (int i = 0; i < inputs.length; i++) collectArrays(inputs[i], "argument " + (i + 1), seen);
        String shared = sharedArray(first, "the result", seen);
        if (shared != null) fail(call + " returned " + shared + ": return a new array, not one of the arguments");
        java.util.IdentityHashMap<Object, String> firstArrays = new java.util.IdentityHashMap<>();
        collectArrays(first, "the first call's result", firstArrays);
        shared = sharedArray(second, "the second call's result", firstArrays);
        if (shared != null) fail(call + " called twice returned " + shared
                + ": a buffer reused between calls overwrites the caller's earlier result; allocate a new array per call");
        return first;
    }

    private static void collectArrays(Object v, String path, java.util.Map<Object, String> into) {
        if (v instanceof Record r) {
            forEachComponent(r, path, (value, where) -> collectArrays(value, where, into));
            return;
        }
        if (v == null || !v.getClass().isArray()) return;
        into.putIfAbsent(v, path);
        if (!v.getClass().getComponentType().isPrimitive()) {
            int n = Array.getLength(v);
            for (int i = 0; i < n; i++) collectArrays(Array.get(v, i), path + "[" + i + "]", into);
        }
    }

    private static String sharedArray(Object v, String path, java.util.Map<Object, String> others) {
        if (v instanceof Record r) {
            String[] found = {null};
            forEachComponent(r, path, (value, where) -> {
                if (found[0] == null) found[0] = sharedArray(value, where, others);
            });
            return found[0];
        }
        if (v == null || !v.getClass().isArray()) return null;
        if (others.containsKey(v)) return path + " = " + others.get(v) + " (the very same array)";
        if (!v.getClass().getComponentType().isPrimitive()) {
            int n = Array.getLength(v);
            for (int i = 0; i < n; i++) {
                String s = sharedArray(Array.get(v, i), path + "[" + i + "]", others);
                if (s != null) return s;
            }
        }
        return null;
    }

    /** Visits a record's components (results such as {@code Grads(dx, dw)} are records of arrays). */
    private static void forEachComponent(Record r, String path, java.util.function.BiConsumer<Object, String> visit) {
        for (var c : r.getClass().getRecordComponents()) {
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                visit.accept(accessor.invoke(r), path + "." + c.getName());
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a component we cannot read is not compared
            }
        }
    }

    /**
     * Fails unless {@code call} throws {@code type} (a subclass counts): for every "throws ... when ..."
     * clause of a contract. {@code why} says why the input is invalid.
     */
    public static void throwsOn(String call, Class<? extends Throwable> type, String why, ThrowingRunnable body) {
        try {
            body.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) return;
            if (t instanceof katagym.NotImplementedYet n) throw n;
            fail(call + " threw " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")")
                    + ", expected " + type.getSimpleName() + ": " + why);
        }
        fail(call + " returned normally, expected it to throw " + type.getSimpleName() + ": " + why);
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A deep copy of arrays of any rank; other objects are returned as they are. */
    @SuppressWarnings("unchecked")
    public static <T> T deepCopy(T value) {
        if (value == null || !value.getClass().isArray()) return value;
        int n = Array.getLength(value);
        Object copy = Array.newInstance(value.getClass().getComponentType(), n);
        for (int i = 0; i < n; i++) Array.set(copy, i, deepCopy(Array.get(value, i)));
        return (T) copy;
    }

    private static String firstDifference(String path, Object before, Object after) {
        if (before == null || after == null) return before == after ? null : path + " changed";
        if (before.getClass().isArray()) {
            int n = Array.getLength(before);
            if (Array.getLength(after) != n) return path + " changed length";
            for (int i = 0; i < n; i++) {
                String d = firstDifference(path + "[" + i + "]", Array.get(before, i), Array.get(after, i));
                if (d != null) return d;
            }
            return null;
        }
        if (before instanceof Double b && after instanceof Double a) {
            return Double.compare(b, a) == 0 ? null
                    : path + " was " + Describe.number(b) + ", now " + Describe.number(a);
        }
        return before.equals(after) ? null : path + " was " + Describe.value(before) + ", now " + Describe.value(after);
    }
}
