package katagym.tokenization;

import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import katagym.grader.check.Checks;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class WordpieceSpec implements KataSpec<Wordpiece> {

    /** A text of words over a small alphabet and a vocabulary of pieces ("##" marks continuations). */
    record Case(String text, String[] vocab) {}

    static final String ALPHABET = "abc";

    static Gen<String[]> vocabularies(boolean everyCharacter) {
        return s -> {
            List<String> v = new ArrayList<>();
            if (everyCharacter) {
                for (char ch : ALPHABET.toCharArray()) {
                    v.add(String.valueOf(ch));
                    v.add("##" + ch);
                }
            }
            int n = s.intBetween(0, 12);
            Gen<String> piece = Gens.strings(ALPHABET, 1, 4);
            for (int i = 0; i < n; i++) {
                String p = piece.generate(s);
                v.add(s.choice(1) == 0 ? p : "##" + p);
            }
            return v.toArray(new String[0]);
        };
    }

    static Gen<Case> cases(boolean everyCharacter) {
        return s -> {
            String[] vocab = vocabularies(everyCharacter).generate(s);
            int words = s.intBetween(0, 4);
            StringBuilder text = new StringBuilder();
            Gen<String> word = Gens.strings(ALPHABET, 1, 8);
            for (int i = 0; i < words; i++) {
                text.append(separators().generate(s)).append(word.generate(s));
            }
            if (s.chance(0.2)) text.append('\n');
            return new Case(text.toString(), vocab);
        };
    }

    /** Whitespace of every kind Character.isWhitespace knows, ASCII or not, sometimes repeated. */
    static Gen<String> separators() {
        return s -> {
            String one = s.chance(0.6) ? " " : Gens.oneOf("\t", "\n", "\r", "\u000B", "\u001F", "\u2003", "\u3000", "\u2028", "\u1680").generate(s);
            return s.chance(0.25) ? one + " " : one;
        };
    }

    /** The maximal runs of characters that are not Character.isWhitespace. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp)) {
                if (cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.appendCodePoint(cp);
            }
        });
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    /**
     * Splits the tokens into one group per word: a group starts at every token without the "##"
     * prefix (the generated vocabularies never hold a word-initial piece that starts with "##").
     */
    static List<List<String>> groups(String[] tokens) {
        List<List<String>> out = new ArrayList<>();
        for (String t : tokens) {
            if (!t.startsWith("##") || out.isEmpty()) out.add(new ArrayList<>());
            out.get(out.size() - 1).add(t);
        }
        return out;
    }

    /** Checks the first-piece and grouping rules and returns the groups aligned with the words. */
    static List<List<String>> aligned(Case c, String[] tokens) {
        List<String> words = words(c.text());
        that(tokens.length == 0 || !tokens[0].startsWith("##"),
                () -> "the first token " + tokens[0] + " has the ## prefix: a word's first piece never has it");
        List<List<String>> g = groups(tokens);
        that(g.size() == words.size(), () -> "the text has " + words.size() + " words " + words + " but the tokens "
                + Arrays.toString(tokens) + " start " + g.size() + " (a word starts with a piece without ##, every later piece has ##)");
        return g;
    }

    @Override
    public Class<Wordpiece> contract() { return Wordpiece.class; }

    @Override
    public List<Check<Wordpiece>> checks() {
        return List.of(
            Check.<Wordpiece>oracle("tokensMatchReference", ctx -> ctx.forAll(cases(false), c ->
                equal("tokens", ctx.oracle().tokenize(c.text(), c.vocab()),
                        pure("tokenize(text, vocab)", () -> ctx.subject().tokenize(c.text(), c.vocab()), (Object[]) c.vocab()))))
                .enforces("whitespaceSplit", "longestMatchFirst", "unknownWord", "maxChars", "pure").hint("Split at Character.isWhitespace, then per word: longest vocabulary match from each start (## after the first piece); no match anywhere makes the whole word [UNK]."),

            Check.<Wordpiece>invariant("everyTokenIsInTheVocabularyOrUnk", ctx -> ctx.forAll(cases(false), c -> {
                Set<String> v = new HashSet<>(Arrays.asList(c.vocab()));
                for (String t : ctx.subject().tokenize(c.text(), c.vocab())) {
                    that(t.equals(Wordpiece.UNK) || v.contains(t), () -> "token \"" + t + "\" is not in the vocabulary");
                }
            }))
                .enforces("vocabOnly").hint("Emit only strings you found in the vocabulary (with their ##) or [UNK]."),

            Check.<Wordpiece>invariant("onlyContinuationPiecesCarryTheHashPrefix", ctx -> ctx.forAll(cases(true), c ->
                aligned(c, ctx.subject().tokenize(c.text(), c.vocab()))))
                .hint("Look up (and emit) \"##\" + piece for every piece that does not start the word.")
                .enforces("longestMatchFirst", "whitespaceSplit"),

            Check.<Wordpiece>invariant("removingTheHashesRestoresEachWordOrTheWordIsUnk", ctx -> ctx.forAll(cases(false), c -> {
                String[] tokens = ctx.subject().tokenize(c.text(), c.vocab());
                List<List<String>> g = aligned(c, tokens);
                List<String> words = words(c.text());
                for (int i = 0; i < g.size(); i++) {
                    List<String> pieces = g.get(i);
                    if (pieces.contains(Wordpiece.UNK)) {
                        equal("tokens of the word " + words.get(i) + " (an unknown word is the single token [UNK])", List.of(Wordpiece.UNK), pieces);
                        continue;
                    }
                    StringBuilder sb = new StringBuilder();
                    for (String p : pieces) sb.append(p.startsWith("##") ? p.substring(2) : p);
                    equal("pieces " + pieces + " with ## removed", words.get(i), sb.toString());
                }
            })).hint("If any position of a word has no match, the WHOLE word becomes one [UNK]: drop its pieces.")
                .enforces("unknownWord", "whitespaceSplit"),

            Check.<Wordpiece>invariant("eachPieceIsTheLongestMatchInTheVocabulary", ctx -> ctx.forAll(cases(false), c -> {
                Set<String> v = new HashSet<>(Arrays.asList(c.vocab()));
                String[] tokens = ctx.subject().tokenize(c.text(), c.vocab());
                List<List<String>> g = aligned(c, tokens);
                List<String> words = words(c.text());
                for (int i = 0; i < g.size(); i++) {
                    if (g.get(i).contains(Wordpiece.UNK)) continue;
                    String w = words.get(i);
                    int start = 0;
                    for (String p : g.get(i)) {
                        int end = start + (start > 0 ? p.length() - 2 : p.length());
                        if (end > w.length()) break; // reported by the restoring invariant
                        for (int longer = end + 1; longer <= w.length(); longer++) {
                            String cand = (start > 0 ? "##" : "") + w.substring(start, longer);
                            int st = start;
                            that(!v.contains(cand), () -> "in the word " + w + " the piece at " + st + " is " + p + " but the longer "
                                    + cand + " is in the vocabulary: take the longest match first");
                        }
                        start = end;
                    }
                }
            })).hint("Try the longest substring first and shorten it one character at a time.")
                .enforces("longestMatchFirst"),

            Check.<Wordpiece>invariant("wordsOfKnownCharactersAreNeverUnk", ctx -> ctx.forAll(cases(true), c -> {
                for (String t : ctx.subject().tokenize(c.text(), c.vocab())) {
                    that(!t.equals(Wordpiece.UNK), () -> "[UNK] although every character and its ## form are in the vocabulary");
                }
            }))
                .enforces("longestMatchFirst", "unknownWord").hint("When every character and its ## form are in the vocabulary, some piece always matches: shrink the end down to one character before giving up."),

            Check.<Wordpiece>invariant("wordsLongerThan100CharactersAreUnk", ctx -> {
                String[] vocab = {"a", "##a"};
                ctx.example("a word of 100 a's, vocab = [a, ##a]", () -> {
                    String[] t = ctx.subject().tokenize("a".repeat(100), vocab);
                    that(t.length == 100 && t[0].equals("a") && t[99].equals("##a"),
                            () -> "expected 100 pieces [a, ##a, ..., ##a], got " + Arrays.toString(t));
                });
                ctx.example("a word of 101 a's, vocab = [a, ##a]", () ->
                    equal("tokens", new String[] {Wordpiece.UNK}, ctx.subject().tokenize("a".repeat(101), vocab)));
            })
                .enforces("maxChars").hint("More than 100 characters (> 100, not >= 100) makes the word [UNK]."),

            Check.<Wordpiece>invariant("piecesAreNeverEmptyEvenIfTheVocabularyHoldsHashHash", ctx -> {
                String[] vocab = {"a", "##", "##c"};
                ctx.example("text = \"ab ac\", vocab = [a, ##, ##c]: no non-empty piece starts at the b, so that word is [UNK]", () ->
                    equal("tokens", new String[] {Wordpiece.UNK, "a", "##c"}, ctx.subject().tokenize("ab ac", vocab)));
            }).hint("A piece is word[start, end) with end > start: stop shortening before the substring is empty.")
                .enforces("vocabOnly", "unknownWord"),

            Check.<Wordpiece>example("handWorkedUnicodeWhitespaceAndLengths", ctx -> {
                String[] vocab = {"a", "b", "##b", "\uD83D\uDE00", "##\uD83D\uDE00"};
                ctx.example("text = \"a\\u2003b\\u3000a\\u001Fb\" (em space, ideographic space, unit separator: all whitespace)", () ->
                    equal("tokens", new String[] {"a", "b", "a", "b"}, ctx.subject().tokenize("a\u2003b\u3000a\u001Fb", vocab)));
                ctx.example("text = \"ab a\\u00A0b\" (a no-break space is not whitespace: \"a\\u00A0b\" is one word, unknown)", () ->
                    equal("tokens", new String[] {"a", "##b", Wordpiece.UNK}, ctx.subject().tokenize("ab a\u00A0b", vocab)));
                ctx.example("a word of 60 U+1F600 (120 UTF-16 units, 60 code points)", () -> {
                    String[] t = ctx.subject().tokenize("\uD83D\uDE00".repeat(60), vocab);
                    that(t.length == 60 && t[0].equals("\uD83D\uDE00") && t[59].equals("##\uD83D\uDE00"),
                            () -> "expected 60 pieces [U+1F600, ##U+1F600, ...], got " + t.length + " tokens starting " + (t.length == 0 ? "-" : t[0]));
                });
                ctx.example("a word of 101 U+1F600", () ->
                    equal("tokens", new String[] {Wordpiece.UNK}, ctx.subject().tokenize("\uD83D\uDE00".repeat(101), vocab)));
                ctx.example("text = \"abc\", vocab = [a, ab, abc, ##c, ##bc]: the longest first piece, abc, wins", () ->
                    equal("tokens", new String[] {"abc"}, ctx.subject().tokenize("abc", new String[] {"a", "ab", "abc", "##c", "##bc"})));
                ctx.example("text = \"\" and text = \" \\t\\n\"", () -> {
                    equal("tokens of \"\"", 0, ctx.subject().tokenize("", vocab).length);
                    equal("tokens of whitespace only", 0, ctx.subject().tokenize(" \t\n", vocab).length);
                });
            }).enforces("whitespaceSplit", "maxChars", "longestMatchFirst")
                .hint("Split with Character.isWhitespace over code points (String.split(\"\\\\s+\") knows only ASCII whitespace); count a word's length in code points."),

            Check.<Wordpiece>invariant("resultIsANewArray", ctx -> ctx.forAll(cases(false), c ->
                Checks.fresh("tokenize(text, vocab)", () -> ctx.subject().tokenize(c.text(), c.vocab()), (Object[]) c.vocab())))
                .enforces("pure").hint("Collect the tokens in a new list per call and return a new array; never hand back vocab or a field."),

            Check.<Wordpiece>invariant("bertExamples", ctx -> {
                String[] vocab = {"un", "##aff", "##able", "runn", "##ing", "the", "##e", "a", "[UNK]"};
                ctx.example("text = \"unaffable\"", () ->
                    equal("tokens", new String[] {"un", "##aff", "##able"}, ctx.subject().tokenize("unaffable", vocab)));
                ctx.example("text = \" the  running\\tunaffablex \"", () ->
                    equal("tokens", new String[] {"the", "runn", "##ing", "[UNK]"}, ctx.subject().tokenize(" the  running\tunaffablex ", vocab)));
            })
                .enforces("longestMatchFirst", "unknownWord", "whitespaceSplit").hint("These are BERT's own examples: unaffable is un ##aff ##able; a word with an unknown tail is one [UNK].")
        );
    }
}
