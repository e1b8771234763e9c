package katagym.tokenization;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Correct byte-level BPE solutions unlike the reference. */
final class ByteLevelBpeAlternatives {
    private ByteLevelBpeAlternatives() {}

    /** GPT-2's construction literally (the printable list, then the rest appended), with an int[] inverse and a byte stream. */
    static final class Gpt2ListConstruction implements ByteLevelBpe {
        @Override
        public int[] bytesToUnicode() {
            boolean[] printable = new boolean[256];
            for (int b = '!'; b <= '~'; b++) printable[b] = true;
            for (int b = 0xA1; b <= 0xAC; b++) printable[b] = true;
            for (int b = 0xAE; b <= 0xFF; b++) printable[b] = true;
            int[] table = new int[256];
            int n = 0;
            for (int b = 0; b < 256; b++) {
                if (printable[b]) table[b] = b;
            }
            for (int b = 0; b < 256; b++) {
                if (!printable[b]) table[b] = 256 + n++;
            }
            return table;
        }

        @Override
        public String encodeBytes(byte[] bytes) {
            int[] table = bytesToUnicode();
            int[] cps = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) cps[i] = table[Byte.toUnsignedInt(bytes[i])];
            return new String(cps, 0, cps.length);
        }

        @Override
        public String encode(String text) {
            return encodeBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String decode(String encoded) {
            int[] table = bytesToUnicode();
            int[] inverse = new int[512];
            for (int b = 0; b < 256; b++) inverse[table[b]] = b;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            encoded.codePoints().forEach(cp -> out.write(inverse[cp]));
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
