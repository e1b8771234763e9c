package katagym.tokenization;

import katagym.grader.spec.Clause;

/**
 * Encodes a word with learned BPE merges, as GPT-2's {@code bpe()} does. Kata {@code bpe-encode}.
 *
 * <p>The word starts as its characters (code points). While some adjacent pair of symbols is a
 * merge, take the pair of lowest rank among those present, and replace each of its non-overlapping
 * occurrences, scanning left to right, by the concatenated symbol. Stop when no adjacent pair is a
 * merge. The rank of a merge is its index in {@code merges}; if a pair is listed twice its lowest
 * rank counts.
 */
@Clause(id = "codePointSymbols", value = "The word starts as its code points: a surrogate pair is one symbol.")
@Clause(id = "lowestRankFirst", value = "Each round merges the pair of lowest rank among the adjacent pairs present (not the leftmost, not the most frequent).")
@Clause(id = "allOccurrencesAtOnce", value = "A round replaces every non-overlapping occurrence of that pair, scanning left to right, before any other pair is considered.")
@Clause(id = "duplicateRuleLowestRank", value = "A pair listed twice in merges has its lowest (first) rank.")
@Clause(id = "stopRule", value = "Encoding stops only when no adjacent pair is a merge; the tokens concatenate to the word.")
@Clause(id = "pure", value = "encode returns a new array and modifies neither merges nor its rows.")
public interface BpeEncode {
    /**
     * @param word a non-empty word
     * @param merges {@code merges[r] = {left, right}}, the merge of rank r (lower ranks merge first)
     * @return the tokens, in order; their concatenation is {@code word}. Must not modify its arguments.
     */
    String[] encode(String word, String[][] merges);
}
