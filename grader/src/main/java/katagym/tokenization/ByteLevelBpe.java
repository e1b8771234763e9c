package katagym.tokenization;

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
