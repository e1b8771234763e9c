package katagym.grader.guard;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time that the JVM's Java threads (the grader's and every thread learner code started) use over a
 * wait, per thread as the operating system accounts it. The JVM's own GC and compiler threads are not
 * Java threads and do not count: after a runaway that allocated a heap full of garbage they may work
 * for a while, which says nothing about the learner's code.
 */
public final class JavaThreadsCpu {
    private JavaThreadsCpu() {}

    public record Window(double seconds, String busiest) {}

    public static Window over(double seconds) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = snapshot(mx);
        Thread.sleep((long) (seconds * 1000));
        Map<Long, Long> after = snapshot(mx);
        long total = 0, most = 0;
        long mostId = -1;
        for (var e : after.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total += delta;
            if (delta > most) { most = delta; mostId = e.getKey(); }
        }
        var info = mostId < 0 ? null : mx.getThreadInfo(mostId, 12);
        StringBuilder busiest = new StringBuilder(info == null ? "none" : info.getThreadName() + " " + most / 1_000_000 + " ms");
        if (info != null) for (StackTraceElement f : info.getStackTrace()) busiest.append("\n    at ").append(f);
        return new Window(total / 1e9, busiest.toString());
    }

    private static Map<Long, Long> snapshot(ThreadMXBean mx) {
        Map<Long, Long> out = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t >= 0) out.put(id, t);
        }
        return out;
    }
}
