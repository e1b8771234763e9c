package katagym.tokenization;

import java.nio.charset.StandardCharsets;

/** Plausible learner bugs the byte-level-bpe spec must catch. */
final class ByteLevelBpeBugs {
    private ByteLevelBpeBugs() {}

    /** Forgets the range 0xA1..0xAC ('¡'..'¬') among the printable bytes. */
    static final class ForgetsInvertedExclamationRange extends ByteLevelBpeReference {
        @Override
        protected boolean printable(int b) {
            return (b >= 0x21 && b <= 0x7E) || (b >= 0xAE && b <= 0xFF);
        }
    }

    /** Maps a non-printable byte b to 256 + b instead of 256 + (its rank among the non-printable bytes). */
    static final class ShiftsByTheByteValue extends ByteLevelBpeReference {
        @Override
        public int[] bytesToUnicode() {
            int[] table = new int[256];
            for (int b = 0; b < 256; b++) table[b] = printable(b) ? b : 256 + b;
            return table;
        }
    }

    /** Makes a signed byte non-negative with b + 128 instead of b & 0xFF: bytes >= 0x80 land on the wrong entry. */
    static final class SignedByteIndex extends ByteLevelBpeReference {
        @Override
        public String encodeBytes(byte[] bytes) {
            int[] table = bytesToUnicode();
            StringBuilder sb = new StringBuilder();
            for (byte b : bytes) sb.appendCodePoint(table[b < 0 ? b + 128 : b]);
            return sb.toString();
        }
    }

    /** Takes the text's Latin-1 bytes instead of its UTF-8 bytes: CJK and emoji become '?'. */
    static final class EncodesLatin1 extends ByteLevelBpeReference {
        @Override
        public String encode(String text) {
            return encodeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Decodes the recovered bytes as Latin-1, one character per byte. */
    static final class DecodesLatin1 extends ByteLevelBpeReference {
        @Override
        public String decode(String encoded) {
            String utf8 = super.decode(encoded);
            return new String(utf8.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        }
    }

    /** Builds the table once into a static field and returns that array: a caller who writes into it corrupts every later encode. */
    static final class ReturnsTheCachedTable extends ByteLevelBpeReference {
        private static int[] table;

        @Override
        public int[] bytesToUnicode() {
            if (table == null) table = super.bytesToUnicode();
            return table;
        }

        @Override
        public String encodeBytes(byte[] bytes) {
            int[] t = super.bytesToUnicode();
            StringBuilder sb = new StringBuilder();
            for (byte b : bytes) sb.appendCodePoint(t[b & 0xFF]);
            return sb.toString();
        }
    }

    /** Encodes the text one Java char at a time: each half of a surrogate pair becomes '?' in UTF-8. */
    static final class EncodesEachCharSeparately extends ByteLevelBpeReference {
        @Override
        public String encode(String text) {
            StringBuilder sb = new StringBuilder();
            for (char ch : text.toCharArray()) sb.append(encodeBytes(String.valueOf(ch).getBytes(StandardCharsets.UTF_8)));
            return sb.toString();
        }
    }
}
