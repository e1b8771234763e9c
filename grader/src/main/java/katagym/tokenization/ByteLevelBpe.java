package katagym.tokenization;

import katagym.grader.spec.Clause;

/**
 * GPT-2's byte-level layer: every byte gets a printable character, so BPE can run on any text
 * without unknown symbols, and decoding is lossless. Kata {@code byte-level-bpe}.
 *
 * <p>The table ({@code bytes_to_unicode} in GPT-2's {@code encoder.py}): the 188 "printable" bytes
 * {@code 0x21..0x7E ('!'..'~')}, {@code 0xA1..0xAC ('¡'..'¬')} and {@code 0xAE..0xFF ('®'..'ÿ')} map
 * to the character with the same code point; the other 68 bytes, taken in increasing order, map to
 * {@code 256 + n} for {@code n = 0, 1, 2, ...} (so byte 0 is U+0100 'Ā', space 0x20 is U+0120 'Ġ',
 * newline 0x0A is U+010A 'Ċ').
 */
@Clause(id = "table", value = "The 188 printable bytes map to themselves; the other 68, in increasing order, map to 256 + n.")
@Clause(id = "newTable", value = "bytesToUnicode returns a new array on every call (a caller may write into it).")
@Clause(id = "encodeBytesRule", value = "encodeBytes maps byte b to table[b & 0xFF], one code point per byte, and does not modify bytes.")
@Clause(id = "encodeUtf8", value = "encode is encodeBytes of the text's UTF-8 bytes (surrogate pairs encoded as one 4-byte character).")
@Clause(id = "roundTrip", value = "decode(encode(text)) == text for any Unicode text: supplementary characters, combining marks, controls and every kind of whitespace.")
public interface ByteLevelBpe {
    /** The table: {@code table[b]} is the code point of byte {@code b}, for {@code b = 0..255}. A new array. */
    int[] bytesToUnicode();

    /** The string whose i-th code point is {@code table[bytes[i] & 0xFF]}. Must not modify {@code bytes}. */
    String encodeBytes(byte[] bytes);

    /** {@code encodeBytes} of the UTF-8 bytes of {@code text}. */
    String encode(String text);

    /**
     * The inverse of {@link #encode}: each code point of {@code encoded} back to its byte, then the
     * bytes decoded as UTF-8. Only called with strings produced by {@code encode}.
     */
    String decode(String encoded);
}
