package katagym.tokenization;

import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class BpeTrainSpec implements KataSpec<BpeTrain> {

    /** A word-frequency corpus (parallel arrays) and a merge budget. */
    record Case(String[] words, int[] counts, int numMerges) {}

    /**
     * 1 to 6 distinct words over a two- or three-letter alphabet, so pairs repeat and merges happen; one
     * alphabet holds U+FF01 and an emoji (a surrogate pair) that String.compareTo orders before it.
     */
    static Gen<Case> corpora() {
        return s -> {
            String alphabet = Gens.oneOf("ab", "abc", "a\uFF01\uD83D\uDE00").generate(s);
            Gen<String> word = Gens.strings(alphabet, 1, 7);
            int n = s.intBetween(1, 6);
            Map<String, Integer> m = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String w = word.generate(s);
                m.merge(w, s.intBetween(1, 9), Integer::sum);
            }
            String[] words = m.keySet().toArray(new String[0]);
            int[] counts = m.values().stream().mapToInt(Integer::intValue).toArray();
            return new Case(words, counts, s.intBetween(0, 12));
        };
    }

    static List<List<String>> split(String[] words) {
        List<List<String>> out = new ArrayList<>();
        for (String w : words) {
            List<String> syms = new ArrayList<>();
            w.codePoints().forEach(cp -> syms.add(new String(Character.toChars(cp))));
            out.add(syms);
        }
        return out;
    }

    static Map<List<String>, Long> pairCounts(List<List<String>> segs, int[] counts) {
        Map<List<String>, Long> freq = new LinkedHashMap<>();
        for (int w = 0; w < segs.size(); w++) {
            List<String> s = segs.get(w);
            for (int i = 0; i + 1 < s.size(); i++) freq.merge(List.of(s.get(i), s.get(i + 1)), (long) counts[w], Long::sum);
        }
        return freq;
    }

    static List<String> applyMerge(List<String> s, String left, String right) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (i + 1 < s.size() && s.get(i).equals(left) && s.get(i + 1).equals(right)) {
                out.add(left + right);
                i++;
            } else {
                out.add(s.get(i));
            }
        }
        return out;
    }

    static int comparePairs(List<String> a, List<String> b) {
        int c = a.get(0).compareTo(b.get(0));
        return c != 0 ? c : a.get(1).compareTo(b.get(1));
    }

    /** What each step of a replay sees: the pair frequencies just before merge r. */
    interface Step {
        void check(int r, String[] merge, Map<List<String>, Long> freq, long max);
    }

    /**
     * Replays the subject's merges on the corpus, calling {@code step} before applying each one, and
     * returns the segmentation reached at the end.
     */
    static List<List<String>> replay(Case c, String[][] merges, Step step) {
        List<List<String>> segs = split(c.words());
        for (int r = 0; r < merges.length; r++) {
            int k = r;
            String[] m = merges[r];
            that(m != null && m.length == 2 && m[0] != null && m[1] != null,
                    () -> "merge " + k + " is not a pair {left, right}");
            Map<List<String>, Long> freq = pairCounts(segs, c.counts());
            long max = freq.values().stream().mapToLong(Long::longValue).max().orElse(0);
            step.check(r, m, freq, max);
            for (int w = 0; w < segs.size(); w++) segs.set(w, applyMerge(segs.get(w), m[0], m[1]));
        }
        return segs;
    }

    static String pair(String[] m) { return "(" + m[0] + ", " + m[1] + ")"; }

    @Override
    public Class<BpeTrain> contract() { return BpeTrain.class; }

    @Override
    public List<Check<BpeTrain>> checks() {
        return List.of(
            Check.<BpeTrain>example("handWorkedUnicodeTies", ctx -> {
                ctx.example("words = [\uFF01\uFF01, \uD83D\uDE00\uD83D\uDE00] (U+FF01 twice, U+1F600 twice), counts = [1, 1], numMerges = 2: "
                        + "a tie that String.compareTo breaks toward the emoji (its first char, U+D83D, is below U+FF01)", () ->
                    equal("merges", new String[][] {{"\uD83D\uDE00", "\uD83D\uDE00"}, {"\uFF01", "\uFF01"}},
                            ctx.subject().train(new String[] {"\uFF01\uFF01", "\uD83D\uDE00\uD83D\uDE00"}, new int[] {1, 1}, 2)));
                ctx.example("words = [e\u0301e\u0301] (e + combining acute, twice), counts = [3], numMerges = 3", () ->
                    equal("merges", new String[][] {{"e", "\u0301"}, {"e\u0301", "e\u0301"}},
                            ctx.subject().train(new String[] {"e\u0301e\u0301"}, new int[] {3}, 3)));
                ctx.example("words = [ac, aba], counts = [1, 1], numMerges = 1: (a, c) and (a, b) and (b, a) tie at 1; (a, b) is smallest", () ->
                    equal("merges", new String[][] {{"a", "b"}}, ctx.subject().train(new String[] {"ac", "aba"}, new int[] {1, 1}, 1)));
            }).enforces("codePointSymbols", "tieBreak", "stopRule", "weightedPairCounts")
                .hint("Split words with codePoints(), not chars; on a tie compare the left symbols with String.compareTo, then the right ones; a pair seen once is still merged."),

            Check.<BpeTrain>oracle("mergesMatchReference", ctx -> ctx.forAll(corpora(), c ->
                equal("merges", ctx.oracle().train(c.words(), c.counts(), c.numMerges()),
                        pure("train(words, counts, numMerges)", () -> ctx.subject().train(c.words(), c.counts(), c.numMerges()),
                                c.words(), c.counts()))))
                .enforces("codePointSymbols", "weightedPairCounts", "mostFrequentPair", "tieBreak", "mergeRewrite", "stopRule", "pure").hint("Replay your training by hand on the counterexample: count weighted pairs, pick the most frequent (ties by String.compareTo), rewrite left to right."),

            Check.<BpeTrain>invariant("eachMergeJoinsTwoAdjacentSymbolsOfItsStep", ctx -> ctx.forAll(corpora(), c -> {
                String[][] merges = ctx.subject().train(c.words(), c.counts(), c.numMerges());
                replay(c, merges, (r, m, freq, max) -> that(freq.containsKey(List.of(m[0], m[1])),
                        () -> "merge " + r + " " + pair(m) + " joins symbols that are never adjacent after the first " + r
                                + " merges; the pairs present are " + freq.keySet()));
            }))
                .enforces("mergeRewrite", "codePointSymbols").hint("After each merge, rewrite every word; the next merge must join two symbols that are adjacent in the rewritten words."),

            Check.<BpeTrain>invariant("eachMergeIsTheMostFrequentPair", ctx -> ctx.forAll(corpora(), c -> {
                String[][] merges = ctx.subject().train(c.words(), c.counts(), c.numMerges());
                replay(c, merges, (r, m, freq, max) -> {
                    long f = freq.getOrDefault(List.of(m[0], m[1]), 0L);
                    that(f == max, () -> "merge " + r + " " + pair(m) + " has frequency " + f + " but the most frequent pair then has "
                            + max + " (counts weighted by word frequency: " + freq + ")");
                });
            })).hint("Weight each pair occurrence by the frequency of its word, and take the maximum.")
                .enforces("mostFrequentPair", "weightedPairCounts"),

            Check.<BpeTrain>invariant("tiesGoToTheLexicographicallySmallestPair", ctx -> ctx.forAll(corpora(), c -> {
                String[][] merges = ctx.subject().train(c.words(), c.counts(), c.numMerges());
                replay(c, merges, (r, m, freq, max) -> {
                    List<String> chosen = List.of(m[0], m[1]);
                    if (freq.getOrDefault(chosen, 0L) != max) return; // reported by eachMergeIsTheMostFrequentPair
                    for (Map.Entry<List<String>, Long> e : freq.entrySet()) {
                        that(e.getValue() != max || comparePairs(e.getKey(), chosen) >= 0,
                                () -> "merge " + r + " " + pair(m) + " ties at frequency " + max + " with the smaller pair " + e.getKey()
                                        + ", which must win (compare left symbols, then right ones)");
                    }
                });
            })).hint("On equal frequency compare left symbols with String.compareTo, then right symbols; never rely on map order.")
                .enforces("tieBreak"),

            Check.<BpeTrain>invariant("stopsAfterNumMergesOrWhenNoPairRemains", ctx -> ctx.forAll(corpora(), c -> {
                String[][] merges = ctx.subject().train(c.words(), c.counts(), c.numMerges());
                that(merges.length <= c.numMerges(), () -> merges.length + " merges learned, but numMerges = " + c.numMerges());
                if (merges.length < c.numMerges()) {
                    List<List<String>> end = replay(c, merges, (r, m, freq, max) -> {});
                    for (List<String> w : end) {
                        that(w.size() == 1, () -> "training stopped after " + merges.length + " of " + c.numMerges()
                                + " merges although the word segmented as " + w + " still has a pair to merge");
                    }
                }
            }))
                .enforces("stopRule").hint("Stop at numMerges merges or when every word is a single symbol; a most frequent pair of frequency 1 is still a merge."),

            Check.<BpeTrain>invariant("mergeFrequenciesNeverIncreaseAndMergesAreDistinct", ctx -> ctx.forAll(corpora(), c -> {
                String[][] merges = ctx.subject().train(c.words(), c.counts(), c.numMerges());
                long[] previous = {Long.MAX_VALUE};
                Set<List<String>> seen = new HashSet<>();
                replay(c, merges, (r, m, freq, max) -> {
                    that(seen.add(List.of(m[0], m[1])), () -> "merge " + r + " " + pair(m) + " was already learned");
                    long f = freq.getOrDefault(List.of(m[0], m[1]), 0L);
                    long before = previous[0];
                    that(f <= before, () -> "merge " + r + " " + pair(m) + " has frequency " + f + ", more than the previous merge's " + before);
                    previous[0] = f;
                });
            }))
                .enforces("mostFrequentPair", "mergeRewrite").hint("Recount the pairs after every merge from the rewritten words; a merged pair cannot come back."),

            Check.<BpeTrain>invariant("resultDoesNotDependOnTheOrderOfTheWords", ctx -> ctx.forAll(corpora(), c -> {
                int n = c.words().length;
                String[] w = new String[n];
                int[] k = new int[n];
                for (int i = 0; i < n; i++) {
                    w[i] = c.words()[n - 1 - i];
                    k[i] = c.counts()[n - 1 - i];
                }
                equal("merges for the corpus listed in reverse",
                        ctx.subject().train(c.words(), c.counts(), c.numMerges()), ctx.subject().train(w, k, c.numMerges()));
            })).hint("A HashMap's iteration order is not a tie-break rule.")
                .enforces("tieBreak"),

            Check.<BpeTrain>invariant("learnsTheTextbookMerges", ctx -> {
                ctx.example("words = [low, lower, newest, widest], counts = [5, 2, 6, 3], numMerges = 4", () ->
                    equal("merges", new String[][] {{"e", "s"}, {"es", "t"}, {"l", "o"}, {"lo", "w"}},
                            ctx.subject().train(new String[] {"low", "lower", "newest", "widest"}, new int[] {5, 2, 6, 3}, 4)));
                ctx.example("words = [aaa], counts = [1], numMerges = 5", () ->
                    equal("merges", new String[][] {{"a", "a"}, {"aa", "a"}},
                            ctx.subject().train(new String[] {"aaa"}, new int[] {1}, 5)));
            })
                .enforces("mergeRewrite", "weightedPairCounts", "mostFrequentPair").hint("In aaa, (a, a) occurs twice (overlapping) but one merge rewrites it left to right to aa a.")
        );
    }
}
