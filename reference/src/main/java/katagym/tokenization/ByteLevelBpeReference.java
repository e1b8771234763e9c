package katagym.tokenization;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

public class ByteLevelBpeReference implements ByteLevelBpe {

    /** The bytes GPT-2 keeps as themselves. */
    protected boolean printable(int b) {
        return (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }

    @Override
    public int[] bytesToUnicode() {
        int[] table = new int[256];
        int n = 0;
        for (int b = 0; b < 256; b++) table[b] = printable(b) ? b : 256 + n++;
        return table;
    }

    @Override
    public String encodeBytes(byte[] bytes) {
        int[] table = bytesToUnicode();
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) sb.appendCodePoint(table[b & 0xFF]);
        return sb.toString();
    }

    @Override
    public String encode(String text) {
        return encodeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String decode(String encoded) {
        int[] table = bytesToUnicode();
        Map<Integer, Integer> inverse = new HashMap<>();
        for (int b = 0; b < 256; b++) inverse.put(table[b], b);
        int[] cps = encoded.codePoints().toArray();
        byte[] bytes = new byte[cps.length];
        for (int i = 0; i < cps.length; i++) {
            Integer b = inverse.get(cps[i]);
            if (b == null) throw new IllegalArgumentException("U+" + Integer.toHexString(cps[i]) + " is not in the byte table");
            bytes[i] = (byte) (int) b;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
