package katagym.llminference;

import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.fresh;
import static katagym.grader.check.Checks.that;
import static katagym.grader.check.Checks.throwsOn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import katagym.grader.prop.Gen;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;
import katagym.llminference.PagedKvCache.Cache;

public final class PagedKvCacheSpec implements KataSpec<PagedKvCache> {

    /** One operation; {@code pick} chooses among the live sequences (by position, ids ascending). */
    record Step(String op, int pick) {
        @Override
        public String toString() { return op.equals("allocate") ? "allocate" : op + "(live #" + pick + ")"; }
    }

    /** A program of operations on a cache of the given block size and width, with blocks enough never to run out. */
    record Program(int blockSize, int dim, List<Step> steps) {
        int numBlocks() { return (int) steps.stream().filter(s -> !s.op().equals("free")).count() + 1; }
    }

    static Gen<Program> programs() {
        return s -> {
            int bs = s.intBetween(1, 4), dim = s.intBetween(1, 2), n = s.intBetween(1, 24);
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String op = switch (s.weighted(0.55, 0.15, 0.15, 0.15)) {
                    case 0 -> "append";
                    case 1 -> "allocate";
                    case 2 -> "fork";
                    default -> "free";
                };
                steps.add(new Step(op, s.intBetween(0, 3)));
            }
            return new Program(bs, dim, steps);
        };
    }

    /** A program being run on a cache next to the contiguous model it must match. */
    static final class Run {
        final Program program;
        final Cache cache;
        final List<Integer> live = new ArrayList<>();
        final Map<Integer, List<double[]>> keys = new HashMap<>(), values = new HashMap<>();
        final List<String> done = new ArrayList<>();
        int appended, nextId;

        Run(PagedKvCache impl, Program program) {
            this.program = program;
            this.cache = impl.create(program.numBlocks(), program.blockSize(), program.dim());
            that(cache != null, "create returned null");
        }

        String where() { return "after [" + String.join(", ", done) + "] (blockSize " + program.blockSize() + ", " + program.numBlocks() + " blocks)"; }

        int allocate() {
            int id = cache.allocate();
            int want = nextId++;
            that(id == want, () -> "allocate returned id " + id + ", expected " + want + " (ids 0, 1, 2, ... in creation order) " + where());
            live.add(id);
            keys.put(id, new ArrayList<>());
            values.put(id, new ArrayList<>());
            done.add("s" + id + " = allocate()");
            return id;
        }

        /** Runs one step; returns the sequence it touched (or -1). */
        int apply(Step st) {
            if (st.op().equals("allocate") || (live.isEmpty() && !st.op().equals("free"))) return allocate();
            if (live.isEmpty()) return -1;
            int seq = live.get(st.pick() % live.size());
            switch (st.op()) {
                case "append" -> {
                    int n = ++appended;
                    double[] k = new double[program.dim()], v = new double[program.dim()];
                    for (int d = 0; d < k.length; d++) {
                        k[d] = n + d / 10.0;
                        v[d] = -n - d / 10.0;
                    }
                    cache.append(seq, k, v);
                    keys.get(seq).add(k.clone());
                    values.get(seq).add(v.clone());
                    done.add("append(s" + seq + ", k = " + Arrays.toString(k) + ")");
                }
                case "fork" -> {
                    int id = cache.fork(seq);
                    int want = nextId++;
                    that(id == want, () -> "fork returned id " + id + ", expected " + want + " (ids 0, 1, 2, ... in creation order) " + where());
                    live.add(id);
                    keys.put(id, new ArrayList<>(keys.get(seq)));
                    values.put(id, new ArrayList<>(values.get(seq)));
                    done.add("s" + id + " = fork(s" + seq + ")");
                }
                default -> {
                    cache.free(seq);
                    live.remove(Integer.valueOf(seq));
                    keys.remove(seq);
                    values.remove(seq);
                    done.add("free(s" + seq + ")");
                }
            }
            return seq;
        }
    }

    interface AfterStep {
        void check(Run run, Step step, int seq);
    }

    static void run(PagedKvCache impl, Program p, AfterStep after) {
        Run r = new Run(impl, p);
        for (Step st : p.steps()) {
            int seq = r.apply(st);
            after.check(r, st, seq);
        }
    }

    static int ceilDiv(int a, int b) { return (a + b - 1) / b; }

    @Override
    public Class<PagedKvCache> contract() { return PagedKvCache.class; }

    @Override
    public List<Check<PagedKvCache>> checks() {
        return List.of(
            Check.<PagedKvCache>oracle("blockTablesMatchReference", ctx -> ctx.forAll(programs(), p -> {
                Run e = new Run(ctx.oracle(), p), a = new Run(ctx.subject(), p);
                for (Step st : p.steps()) {
                    e.apply(st);
                    a.apply(st);
                    for (int seq : e.live) equal("blockTable(s" + seq + ") " + a.where(), e.cache.blockTable(seq), a.cache.blockTable(seq));
                    equal("freeBlocks() " + a.where(), e.cache.freeBlocks(), a.cache.freeBlocks());
                }
            })).enforces("lowestFreeBlock", "blockBudget", "tableSize")
                .hint("Take the lowest free block id; take a new block only for a full (or no) last block, or to copy a shared last block."),

            Check.<PagedKvCache>invariant("gatherEqualsAContiguousCache", ctx -> ctx.forAll(programs(), p -> run(ctx.subject(), p, (r, st, s) -> {
                for (int seq : r.live) {
                    int want = r.keys.get(seq).size();
                    equal("length(s" + seq + ") " + r.where(), want, r.cache.length(seq));
                    equal("keys(s" + seq + ") " + r.where(), r.keys.get(seq).toArray(new double[0][]), r.cache.keys(seq));
                    equal("values(s" + seq + ") " + r.where(), r.values.get(seq).toArray(new double[0][]), r.cache.values(seq));
                }
            }))).enforces("gatherEqualsContiguous")
                .hint("Token i of a sequence lives in block table[i / blockSize], slot i % blockSize; never write into a block another sequence still holds."),

            Check.<PagedKvCache>invariant("tablesHoldCeilLOverBlockSizeBlocksAndCountsMatch", ctx -> ctx.forAll(programs(), p -> run(ctx.subject(), p, (r, st, s) -> {
                int[] holders = new int[p.numBlocks()];
                for (int seq : r.live) {
                    int[] t = r.cache.blockTable(seq);
                    int len = r.keys.get(seq).size();
                    equal("blockTable(s" + seq + ").length (ceil(" + len + " / " + p.blockSize() + "); wasted slots at most blockSize - 1) " + r.where(),
                            ceilDiv(len, p.blockSize()), t.length);
                    for (int b : t) {
                        that(b >= 0 && b < p.numBlocks(), () -> "block id " + b + " is outside 0.." + (p.numBlocks() - 1) + " " + r.where());
                        holders[b]++;
                    }
                }
                int free = 0;
                for (int b = 0; b < holders.length; b++) {
                    equal("refCount(" + b + ") (the live tables holding it) " + r.where(), holders[b], r.cache.refCount(b));
                    if (holders[b] == 0) free++;
                }
                equal("freeBlocks() " + r.where(), free, r.cache.freeBlocks());
            }))).enforces("tableSize", "refCounts")
                .hint("fork adds 1 to the count of every block it shares, free subtracts 1, and a block is free exactly when its count is 0."),

            Check.<PagedKvCache>ops("blocksTakenAndReturnedPerOperation", ctx -> ctx.forAll(programs(), p -> {
                Run r = new Run(ctx.subject(), p);
                for (Step st : p.steps()) {
                    int before = r.cache.freeBlocks(), expected = 0, lowest = -1;
                    String why = "allocate and fork take no block";
                    if (!r.live.isEmpty() && !st.op().equals("allocate")) {
                        int seq = r.live.get(st.pick() % r.live.size());
                        int[] t = r.cache.blockTable(seq);
                        if (st.op().equals("append")) {
                            int len = r.cache.length(seq);
                            boolean shared = len % p.blockSize() != 0 && r.cache.refCount(t[t.length - 1]) > 1;
                            expected = len % p.blockSize() == 0 || shared ? -1 : 0;
                            why = len % p.blockSize() == 0 ? "append to a sequence whose last block is full (or that has none) takes one block"
                                    : shared ? "append into a shared last block copies it: one block" : "append into its own last block with room takes no block";
                            for (int b = 0; b < p.numBlocks() && lowest < 0; b++) if (r.cache.refCount(b) == 0) lowest = b;
                        } else if (st.op().equals("free")) {
                            for (int b : t) if (r.cache.refCount(b) == 1) expected++;
                            why = "free returns exactly the blocks no other sequence holds";
                        }
                    }
                    int seq = r.apply(st);
                    int delta = r.cache.freeBlocks() - before, want = expected;
                    String reason = why;
                    that(delta == want, () -> "freeBlocks() changed by " + delta + ", expected " + want + ": " + reason + "; " + r.where());
                    if (want == -1 && st.op().equals("append") && seq >= 0) {
                        int[] t = r.cache.blockTable(seq);
                        int lo = lowest;
                        that(t[t.length - 1] == lo, () -> "the new block is " + t[t.length - 1] + ", expected the lowest free block " + lo + " " + r.where());
                    }
                }
            })).enforces("blockBudget", "lowestFreeBlock")
                .hint("Sharing is the point: fork copies no block; only an append into a shared, partly filled last block copies it (copy-on-write)."),

            Check.<PagedKvCache>invariant("appendCopiesAndGettersReturnNewArrays", ctx -> ctx.example(
                    "create(4, 2, 2); s0 = allocate(); append(s0, k = [1, 2], v = [3, 4]); then k[0] = 99, v[0] = 99", () -> {
                Cache c = ctx.subject().create(4, 2, 2);
                int s = c.allocate();
                double[] k = {1, 2}, v = {3, 4};
                c.append(s, k, v);
                k[0] = 99;
                v[0] = 99;
                equal("keys(s0) after the caller changed k", new double[][] {{1, 2}}, c.keys(s));
                equal("values(s0) after the caller changed v", new double[][] {{3, 4}}, c.values(s));
                double[][] got = fresh("keys(s0)", () -> c.keys(s));
                got[0][0] = -7;
                equal("keys(s0) after the caller changed a returned array", new double[][] {{1, 2}}, c.keys(s));
                fresh("values(s0)", () -> c.values(s));
                int[] t = fresh("blockTable(s0)", () -> c.blockTable(s));
                t[0] = 3;
                equal("blockTable(s0) after the caller changed a returned table", new int[] {0}, c.blockTable(s));
            })).enforces("copies").hint("Store k.clone() and v.clone(); build new arrays in keys, values and blockTable (clone each gathered row)."),

            Check.<PagedKvCache>invariant("rejectsBadArgumentsAndRunsOutOfBlocksCleanly", ctx -> {
                PagedKvCache impl = ctx.subject();
                ctx.example("create(0, 2, 1), create(2, 0, 1), create(2, 2, 0)", () -> {
                    throwsOn("create(0, 2, 1)", IllegalArgumentException.class, "no blocks", () -> impl.create(0, 2, 1));
                    throwsOn("create(2, 0, 1)", IllegalArgumentException.class, "blocks of no slots", () -> impl.create(2, 0, 1));
                    throwsOn("create(2, 2, 0)", IllegalArgumentException.class, "vectors of width 0", () -> impl.create(2, 2, 0));
                });
                ctx.example("create(2, 2, 1); s0 = allocate(); free(s0); then append/fork/free/keys/length/blockTable of s0 and of 7; append(s1, k of width 2)", () -> {
                    Cache c = impl.create(2, 2, 1);
                    int s = c.allocate();
                    c.free(s);
                    double[] one = {1};
                    for (int bad : new int[] {s, 7}) {
                        String w = bad == s ? "a freed sequence" : "an unknown sequence";
                        throwsOn("append(" + bad + ")", IllegalArgumentException.class, w, () -> c.append(bad, one, one));
                        throwsOn("fork(" + bad + ")", IllegalArgumentException.class, w, () -> c.fork(bad));
                        throwsOn("free(" + bad + ")", IllegalArgumentException.class, w, () -> c.free(bad));
                        throwsOn("keys(" + bad + ")", IllegalArgumentException.class, w, () -> c.keys(bad));
                        throwsOn("length(" + bad + ")", IllegalArgumentException.class, w, () -> c.length(bad));
                        throwsOn("blockTable(" + bad + ")", IllegalArgumentException.class, w, () -> c.blockTable(bad));
                    }
                    int s1 = c.allocate();
                    throwsOn("append(s1, k = [1, 2], v = [1, 2]) with dim 1", IllegalArgumentException.class, "k and v need dim = 1 entries",
                            () -> c.append(s1, new double[] {1, 2}, new double[] {1, 2}));
                });
                ctx.example("create(1, 2, 1); s0 = allocate(); append twice (block 0 full); a third append needs a block: IllegalStateException, s0 unchanged", () -> {
                    Cache c = impl.create(1, 2, 1);
                    int s = c.allocate();
                    c.append(s, new double[] {1}, new double[] {-1});
                    c.append(s, new double[] {2}, new double[] {-2});
                    throwsOn("the third append", IllegalStateException.class, "no free block", () -> c.append(s, new double[] {3}, new double[] {-3}));
                    equal("length(s0) after the failed append", 2, c.length(s));
                    equal("keys(s0) after the failed append", new double[][] {{1}, {2}}, c.keys(s));
                    equal("freeBlocks()", 0, c.freeBlocks());
                });
                ctx.example("create(1, 2, 1); s0 = allocate(); append(s0, [1]); s1 = fork(s0); append(s1, [2]) needs a copy: IllegalStateException, nothing changes", () -> {
                    Cache c = impl.create(1, 2, 1);
                    int s = c.allocate();
                    c.append(s, new double[] {1}, new double[] {-1});
                    int t = c.fork(s);
                    throwsOn("append(s1, [2]) into the shared block", IllegalStateException.class, "the copy-on-write needs a free block",
                            () -> c.append(t, new double[] {2}, new double[] {-2}));
                    equal("keys(s0)", new double[][] {{1}}, c.keys(s));
                    equal("keys(s1)", new double[][] {{1}}, c.keys(t));
                    equal("refCount(0)", 2, c.refCount(0));
                });
            }).enforces("createRejects", "cacheRejects", "outOfBlocks")
                .hint("Validate ids and widths first; find the block you need before changing anything, and throw IllegalStateException if there is none."),

            Check.<PagedKvCache>example("handWorkedForkAndCopyOnWrite", ctx -> ctx.example(
                    "create(4, 2, 1); s0: append 1, 2, 3; s1 = fork(s0); append(s1, 4); append(s0, 5); free(s0); s2 = allocate(); append(s2, 6)", () -> {
                Cache c = ctx.subject().create(4, 2, 1);
                int a = c.allocate();
                for (double x : new double[] {1, 2, 3}) c.append(a, new double[] {x}, new double[] {-x});
                equal("blockTable(s0) after 3 appends", new int[] {0, 1}, c.blockTable(a));
                int b = c.fork(a);
                equal("fork's id", 1, b);
                equal("refCount(0), refCount(1) after the fork", new int[] {2, 2}, new int[] {c.refCount(0), c.refCount(1)});
                equal("freeBlocks() after the fork (no copy)", 2, c.freeBlocks());
                c.append(b, new double[] {4}, new double[] {-4});
                equal("blockTable(s1): block 1 copied to block 2", new int[] {0, 2}, c.blockTable(b));
                equal("keys(s1)", new double[][] {{1}, {2}, {3}, {4}}, c.keys(b));
                equal("keys(s0) (unchanged by s1's append)", new double[][] {{1}, {2}, {3}}, c.keys(a));
                c.append(a, new double[] {5}, new double[] {-5});
                equal("blockTable(s0): block 1 is its own again, no copy", new int[] {0, 1}, c.blockTable(a));
                equal("values(s0)", new double[][] {{-1}, {-2}, {-3}, {-5}}, c.values(a));
                c.free(a);
                equal("refCount(0), refCount(1) after free(s0)", new int[] {1, 0}, new int[] {c.refCount(0), c.refCount(1)});
                int d = c.allocate();
                c.append(d, new double[] {6}, new double[] {-6});
                equal("blockTable(s2): the lowest free block", new int[] {1}, c.blockTable(d));
                equal("keys(s1) at the end", new double[][] {{1}, {2}, {3}, {4}}, c.keys(b));
            })).enforces("gatherEqualsContiguous", "refCounts", "blockBudget", "lowestFreeBlock", "tableSize")
                .hint("Trace the block tables on paper: a fork shares blocks 0 and 1; the first append into shared, half-full block 1 copies it.")
        );
    }
}
