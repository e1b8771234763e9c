package katagym.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * Echo subjects that never end, for the grader's own tests. Tests load them through
 * {@link katagym.grader.guard.GuardedClassLoader}, as learner code is loaded, so a timeout stops them on
 * every JDK (a plain lambda in a test would keep spinning on JDK 20+, where Thread.stop throws).
 */
public final class Runaways {
    private Runaways() {}

    public static final class TightLoop implements Echo {
        @Override
        public int echo(int x) {
            long n = 0;
            while (x >= 0) n++; // never checks for interruption
            return (int) n;
        }
    }

    public static final class HugeAllocation implements Echo {
        @Override
        public int echo(int x) {
            List<long[]> hog = new ArrayList<>();
            while (true) hog.add(new long[1 << 24]);
        }
    }
}
