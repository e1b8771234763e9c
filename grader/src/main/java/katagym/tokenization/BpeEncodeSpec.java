package katagym.tokenization;

import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class BpeEncodeSpec implements KataSpec<BpeEncode> {

    /** A word and a merge table (merges[r] = {left, right}). */
    record Case(String word, String[][] merges) {}

    /**
     * Merges as training produces them: each joins two symbols that exist by then (characters of the
     * alphabet or earlier merges), and no pair is listed twice.
     */
    static Gen<String[][]> merges(String alphabet, int max) {
        return s -> {
            List<String> vocab = new ArrayList<>();
            alphabet.codePoints().forEach(cp -> vocab.add(new String(Character.toChars(cp))));
            List<String[]> out = new ArrayList<>();
            Set<List<String>> seen = new HashSet<>();
            int n = s.intBetween(0, max);
            for (int i = 0; i < n; i++) {
                if (!out.isEmpty() && s.chance(0.1)) { // a rule listed twice: the later copy must not change its rank
                    out.add(out.get((int) s.choice(out.size() - 1)).clone());
                    continue;
                }
                String l = vocab.get((int) s.choice(vocab.size() - 1));
                String r = vocab.get((int) s.choice(vocab.size() - 1));
                if (!seen.add(List.of(l, r))) continue;
                out.add(new String[] {l, r});
                if (!vocab.contains(l + r)) vocab.add(l + r);
            }
            return out.toArray(new String[0][]);
        };
    }

    static Gen<Case> cases() {
        return s -> {
            String alphabet = Gens.oneOf("ab", "abc", "a\uD83D\uDE00").generate(s);
            String word = Gens.strings(alphabet, 1, 10).generate(s);
            String[][] m = merges(alphabet, 10).generate(s);
            if (s.chance(0.25)) Collections.reverse(Arrays.asList(m)); // a table where later merges feed earlier ones
            return new Case(word, m);
        };
    }

    /** A word of distinct letters, the chain of merges that builds it left to right, then other merges. */
    static Gen<Case> chains() {
        return s -> {
            int[] perm = Gens.permutations(7).generate(s);
            int len = s.intBetween(1, 7);
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < len; i++) w.append((char) ('a' + perm[i]));
            String word = w.toString();
            List<String[]> m = new ArrayList<>();
            for (int i = 1; i < len; i++) m.add(new String[] {word.substring(0, i), word.substring(i, i + 1)});
            Set<List<String>> seen = new HashSet<>();
            for (String[] p : m) seen.add(List.of(p[0], p[1]));
            for (String[] p : merges("abcdefg", 8).generate(s)) if (seen.add(List.of(p[0], p[1]))) m.add(p);
            return new Case(word, m.toArray(new String[0][]));
        };
    }

    static String[] chars(String word) {
        return word.codePoints().mapToObj(cp -> new String(Character.toChars(cp))).toArray(String[]::new);
    }

    static boolean isMerge(String[][] merges, String l, String r) {
        for (String[] m : merges) if (m[0].equals(l) && m[1].equals(r)) return true;
        return false;
    }

    @Override
    public Class<BpeEncode> contract() { return BpeEncode.class; }

    @Override
    public List<Check<BpeEncode>> checks() {
        return List.of(
            Check.<BpeEncode>oracle("tokensMatchReference", ctx -> ctx.forAll(cases(), c ->
                equal("tokens", ctx.oracle().encode(c.word(), c.merges()),
                        pure("encode(word, merges)", () -> ctx.subject().encode(c.word(), c.merges()), (Object[]) c.merges()))))
                .enforces("lowestRankFirst", "allOccurrencesAtOnce", "duplicateRuleLowestRank", "codePointSymbols", "stopRule", "pure").hint("Replay on the counterexample: each round find the adjacent pair of lowest rank (first index in merges), merge all its occurrences left to right, repeat."),

            Check.<BpeEncode>invariant("concatenatingTheTokensRestoresTheWord", ctx -> ctx.forAll(cases(), c -> {
                String[] tokens = ctx.subject().encode(c.word(), c.merges());
                equal("concatenation of " + Arrays.toString(tokens), c.word(), String.join("", tokens));
            }))
                .enforces("stopRule", "codePointSymbols").hint("Merging only concatenates neighbours: joined together the tokens must spell the word, code point for code point."),

            Check.<BpeEncode>invariant("withoutMergesTheTokensAreTheCharacters", ctx -> ctx.forAll(Gens.strings("abc", 1, 10), w ->
                equal("tokens", chars(w), ctx.subject().encode(w, new String[0][]))))
                .enforces("codePointSymbols", "stopRule").hint("With an empty merge table nothing merges: one token per code point of the word."),

            Check.<BpeEncode>invariant("everyTokenIsACharacterOrAMergedSymbol", ctx -> ctx.forAll(cases(), c -> {
                Set<String> symbols = new HashSet<>(Arrays.asList(chars(c.word())));
                for (String[] m : c.merges()) symbols.add(m[0] + m[1]);
                for (String t : ctx.subject().encode(c.word(), c.merges())) {
                    that(symbols.contains(t), () -> "token \"" + t + "\" is neither a character of the word nor the result of a merge");
                }
            }))
                .enforces("codePointSymbols", "allOccurrencesAtOnce").hint("A token is either a single code point of the word or left + right of some merge."),

            Check.<BpeEncode>invariant("stopsOnlyWhenNoAdjacentPairIsAMerge", ctx -> ctx.forAll(cases(), c -> {
                String[] t = ctx.subject().encode(c.word(), c.merges());
                for (int i = 0; i + 1 < t.length; i++) {
                    int k = i;
                    that(!isMerge(c.merges(), t[k], t[k + 1]), () -> "tokens " + k + " and " + (k + 1) + " (\"" + t[k] + "\", \"" + t[k + 1]
                            + "\") are still a merge: keep merging until no adjacent pair is in the table");
                }
            }))
                .enforces("stopRule").hint("Loop until no adjacent pair of the current tokens is in the table, not a fixed number of passes."),

            Check.<BpeEncode>invariant("theLowestRankedPairPresentIsNeverSplit", ctx -> ctx.forAll(cases(), c -> {
                String[] t = ctx.subject().encode(c.word(), c.merges());
                String[] ch = chars(c.word());
                int first = -1;
                for (int r = 0; r < c.merges().length && first < 0; r++) {
                    for (int i = 0; i + 1 < ch.length; i++) {
                        if (ch[i].equals(c.merges()[r][0]) && ch[i + 1].equals(c.merges()[r][1])) { first = r; break; }
                    }
                }
                if (first < 0) return;
                int rank = first;
                String[] m = c.merges()[first];
                Set<Integer> boundaries = new HashSet<>();
                int pos = 0;
                for (String tok : t) { pos += tok.codePointCount(0, tok.length()); boundaries.add(pos); }
                for (int i = 0; i + 1 < ch.length; i++) {
                    if (ch[i].equals(m[0]) && ch[i + 1].equals(m[1])) {
                        int k = i;
                        that(!boundaries.contains(k + 1), () -> "the merge of lowest rank present in the word, " + rank + " (" + m[0] + ", " + m[1]
                                + "), applies first at characters " + k + ".." + (k + 1) + ", but " + Arrays.toString(t) + " splits them");
                        i++;
                    }
                }
            })).hint("Each step merges the pair of LOWEST RANK among the adjacent pairs present, not the leftmost nor the most frequent one.")
                .enforces("lowestRankFirst"),

            Check.<BpeEncode>invariant("aWordEncodesToOneTokenWithTheMergesThatBuiltIt", ctx -> ctx.forAll(chains(), c ->
                equal("tokens", new String[] {c.word()}, ctx.subject().encode(c.word(), c.merges()))))
                .enforces("lowestRankFirst", "stopRule").hint("Keep merging after each round: the merge that joins two earlier results must still be found."),

            Check.<BpeEncode>example("handWorkedDuplicatesOverlapsAndSurrogates", ctx -> {
                ctx.example("word = abc, merges = [(b, c), (a, b), (b, c)]: (b, c) is listed twice and keeps rank 0", () ->
                    equal("tokens", new String[] {"a", "bc"}, ctx.subject().encode("abc", new String[][] {{"b", "c"}, {"a", "b"}, {"b", "c"}})));
                ctx.example("word = abab, merges = [(ab, a), (a, b)]: both (a, b) merge in one round, so (ab, a) never forms", () ->
                    equal("tokens", new String[] {"ab", "ab"}, ctx.subject().encode("abab", new String[][] {{"ab", "a"}, {"a", "b"}})));
                ctx.example("word = \uD83D\uDE00\uD83D\uDE00 (U+1F600 twice), merges = [(U+1F600, U+1F600)]", () ->
                    equal("tokens", new String[] {"\uD83D\uDE00\uD83D\uDE00"},
                            ctx.subject().encode("\uD83D\uDE00\uD83D\uDE00", new String[][] {{"\uD83D\uDE00", "\uD83D\uDE00"}})));
                ctx.example("word = e\u0301x (e, combining acute, x), merges = [(\u0301, x)]: a combining mark is a symbol of its own", () ->
                    equal("tokens", new String[] {"e", "\u0301x"}, ctx.subject().encode("e\u0301x", new String[][] {{"\u0301", "x"}})));
            }).enforces("duplicateRuleLowestRank", "allOccurrencesAtOnce", "codePointSymbols")
                .hint("Rank = the FIRST index of a pair (putIfAbsent); merge all occurrences of the chosen pair in one left-to-right pass; split the word with codePoints()."),

            Check.<BpeEncode>invariant("handWorkedExamples", ctx -> {
                ctx.example("word = abcbc, merges = [(a, b), (b, c)]", () ->
                    equal("tokens", new String[] {"ab", "c", "bc"}, ctx.subject().encode("abcbc", new String[][] {{"a", "b"}, {"b", "c"}})));
                ctx.example("word = abc, merges = [(b, c), (a, b)]", () ->
                    equal("tokens", new String[] {"a", "bc"}, ctx.subject().encode("abc", new String[][] {{"b", "c"}, {"a", "b"}})));
                ctx.example("word = abc, merges = [(ab, c), (a, b)]", () ->
                    equal("tokens", new String[] {"abc"}, ctx.subject().encode("abc", new String[][] {{"ab", "c"}, {"a", "b"}})));
                ctx.example("word = aaaaa, merges = [(a, a)]", () ->
                    equal("tokens", new String[] {"aa", "aa", "a"}, ctx.subject().encode("aaaaa", new String[][] {{"a", "a"}})));
                ctx.example("word = lowest, merges = [(e, s), (es, t), (l, o), (lo, w)]", () ->
                    equal("tokens", new String[] {"low", "est"},
                            ctx.subject().encode("lowest", new String[][] {{"e", "s"}, {"es", "t"}, {"l", "o"}, {"lo", "w"}})));
            }).hint("In abcbc with merges [(a, b), (b, c)], (a, b) has rank 0, so it goes first even though (b, c) appears twice.")
                .enforces("lowestRankFirst", "allOccurrencesAtOnce")
        );
    }
}
