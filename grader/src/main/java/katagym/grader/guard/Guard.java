package katagym.grader.guard;

/**
 * What rewritten learner code calls (see {@link GuardRewriter}): at every method entry and every
 * backward jump it asks whether its grading run has been cancelled, and it can never end the JVM.
 * A grading run holds a {@link Ticket}; threads the learner starts inherit it, so when the run times
 * out (or ends) every thread of its learner code stops at its next loop iteration or call: no
 * {@code Thread.stop}, which throws on JDK 20 and later.
 */
public final class Guard {
    private Guard() {}

    private static final InheritableThreadLocal<Ticket> TICKET = new InheritableThreadLocal<>();
    /** Runs cancelled so far: while none is, {@link #check()} costs one volatile read. */
    private static volatile long cancellations;

    /** One grading run's right to run learner code. */
    public static final class Ticket {
        private volatile boolean cancelled;
        private volatile String why = "";

        /** Stops the run's learner code at its next check, in every thread it started. */
        public void cancel(String reason) {
            if (cancelled) return;
            why = reason;
            cancelled = true;
            synchronized (Guard.class) { cancellations++; }
        }

        public boolean cancelled() { return cancelled; }
    }

    /**
     * A thread the learner started that ends because its run was cancelled ends quietly: without this,
     * every such thread would print "Exception in thread ... Guard$Cancelled" into the learner's output.
     * Other uncaught exceptions go to the handler there was before, or are printed as the JVM does.
     */
    private static synchronized void quietCancelledThreads() {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        if (before instanceof QuietCancelled) return;
        Thread.setDefaultUncaughtExceptionHandler(new QuietCancelled(before));
    }

    private record QuietCancelled(Thread.UncaughtExceptionHandler before) implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            if (e instanceof Cancelled) return;
            if (before != null) {
                before.uncaughtException(t, e);
            } else {
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        }
    }

    /** Gives the current thread (and the threads it starts from now on) a fresh ticket. */
    public static Ticket enter() {
        quietCancelledThreads();
        Ticket t = new Ticket();
        TICKET.set(t);
        return t;
    }

    public static void leave() { TICKET.remove(); }

    /** Called by rewritten code at method entries and loop back-edges. */
    public static void check() {
        if (cancellations == 0) return;
        Ticket t = TICKET.get();
        if (t != null && t.cancelled) throw new Cancelled(t.why);
    }

    /** Replaces {@code System.exit(status)} in learner code. */
    public static void exit(int status) {
        throw new ExitAttempt("System.exit(" + status + ")");
    }

    /** Replaces {@code runtime.exit(status)} in learner code. */
    public static void exit(Runtime runtime, int status) {
        throw new ExitAttempt("Runtime.exit(" + status + ")");
    }

    /** Replaces {@code runtime.halt(status)} in learner code. */
    public static void halt(Runtime runtime, int status) {
        throw new ExitAttempt("Runtime.halt(" + status + ")");
    }

    /** Thrown into learner code whose run was cancelled; an Error, so {@code catch (Exception e)} does not keep it. */
    public static final class Cancelled extends Error {
        Cancelled(String why) { super("grading cancelled: " + why, null, false, false); }
    }

    /** Thrown where learner code tried to end the JVM: that kata fails, the run goes on. */
    public static final class ExitAttempt extends Error {
        ExitAttempt(String call) {
            super(call + " called: a kata returns its result and never ends the JVM (the grader, watch and mvn test run in it)",
                    null, false, false);
        }
    }
}
