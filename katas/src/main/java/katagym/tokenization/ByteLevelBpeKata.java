package katagym.tokenization;

import katagym.NotImplementedYet;

/**
 * Kata {@code byte-level-bpe}: GPT-2's byte-to-unicode table and a lossless encode/decode of any text.
 * Statement: katas/src/main/resources/statements/byte-level-bpe.md ({@code ./kata show byte-level-bpe}).
 */
public final class ByteLevelBpeKata implements ByteLevelBpe {

    /**
     * Returns a new 256-entry table: bytes 0x21-0x7E, 0xA1-0xAC and 0xAE-0xFF map to themselves; the
     * remaining bytes, in increasing order, map to 256, 257, 258, ...
     */
    @Override
    public int[] bytesToUnicode() {
        throw new NotImplementedYet("ByteLevelBpeKata.bytesToUnicode");
    }

    /** One character per byte: code point {@code table[b & 0xFF]}. Must not modify {@code bytes}. */
    @Override
    public String encodeBytes(byte[] bytes) {
        throw new NotImplementedYet("ByteLevelBpeKata.encodeBytes");
    }

    /** {@code encodeBytes} of the UTF-8 bytes of {@code text}. */
    @Override
    public String encode(String text) {
        throw new NotImplementedYet("ByteLevelBpeKata.encode");
    }

    /** Maps each character of {@code encoded} back to its byte and decodes the bytes as UTF-8. */
    @Override
    public String decode(String encoded) {
        throw new NotImplementedYet("ByteLevelBpeKata.decode");
    }
}
