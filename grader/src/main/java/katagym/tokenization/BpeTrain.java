package katagym.tokenization;

import katagym.grader.spec.Clause;

/**
 * Learns byte-pair-encoding merges from a word-frequency corpus (Sennrich et al., 2016). Kata {@code bpe-train}.
 *
 * <p>Each word starts as the sequence of its characters (code points); there is no end-of-word
 * marker and pairs never cross word boundaries. The frequency of a pair {@code (x, y)} is the sum,
 * over the words, of {@code counts[w]} times the number of positions where symbol {@code x} is
 * immediately followed by symbol {@code y} (overlapping positions each count: {@code a a a} holds
 * {@code (a, a)} twice). Each step merges the most frequent pair; ties go to the lexicographically
 * smallest pair (compare the left symbols with {@link String#compareTo}, then the right ones). A
 * merge rewrites every word left to right, replacing each non-overlapping occurrence of {@code x, y}
 * by the symbol {@code x + y} ({@code a a a} becomes {@code aa a}). Training stops after
 * {@code numMerges} merges or as soon as no word has two symbols left.
 */
@Clause(id = "codePointSymbols", value = "Each word starts as its code points: a character outside the BMP (a surrogate pair) is one symbol.")
@Clause(id = "weightedPairCounts", value = "A pair's frequency is the sum over words of counts[w] times its adjacent occurrences, overlapping ones included (a a a holds (a, a) twice).")
@Clause(id = "mostFrequentPair", value = "Each step merges the most frequent pair.")
@Clause(id = "tieBreak", value = "Ties go to the smallest pair: left symbols compared with String.compareTo, then right ones (not code-point order, not the concatenation, not the corpus order).")
@Clause(id = "mergeRewrite", value = "A merge replaces each non-overlapping occurrence left to right (a a a becomes aa a).")
@Clause(id = "stopRule", value = "Training stops after numMerges merges, or earlier only when no word has two symbols left (a pair of frequency 1 is still merged).")
@Clause(id = "pure", value = "train returns new arrays and modifies neither words nor counts.")
public interface BpeTrain {
    /**
     * @param words distinct non-empty words
     * @param counts {@code counts[i] >= 1} is the frequency of {@code words[i]}
     * @param numMerges the maximum number of merges, {@code >= 0}
     * @return the merges in the order learned: {@code merges[r] = {left, right}} is the merge of rank r.
     *         Must not modify its arguments.
     */
    String[][] train(String[] words, int[] counts, int numMerges);
}
