package katagym.tokenization;

import static katagym.grader.check.Checks.equal;
import static katagym.grader.check.Checks.pure;
import static katagym.grader.check.Checks.that;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import katagym.grader.check.Checks;
import katagym.grader.prop.Gen;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class ByteLevelBpeSpec implements KataSpec<ByteLevelBpe> {

    /** Arbitrary bytes (any of the 256 values). */
    record Bytes(byte[] bytes) {}

    static Gen<Bytes> bytes() {
        return Gens.intArrays(0, 24, 0, 255).map(a -> {
            byte[] b = new byte[a.length];
            for (int i = 0; i < a.length; i++) b[i] = (byte) a[i];
            return new Bytes(b);
        });
    }

    static Gen<String> texts() { return Gens.unicodeText(16); }

    static boolean printable(int b) {
        return (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }

    static String hex(int b) { return String.format("0x%02X", b); }

    @Override
    public Class<ByteLevelBpe> contract() { return ByteLevelBpe.class; }

    @Override
    public List<Check<ByteLevelBpe>> checks() {
        return List.of(
            Check.<ByteLevelBpe>oracle("tableMatchesReference", ctx -> ctx.example("bytesToUnicode()", () ->
                equal("table", ctx.oracle().bytesToUnicode(), ctx.subject().bytesToUnicode())))
                .enforces("table").hint("One loop b = 0..255 with a counter n: printable bytes keep b, every other byte gets 256 + n++."),

            Check.<ByteLevelBpe>oracle("encodeBytesMatchesReference", ctx -> ctx.forAll(bytes(), c ->
                equal("encodeBytes(bytes)", ctx.oracle().encodeBytes(c.bytes()),
                        pure("encodeBytes(bytes)", () -> ctx.subject().encodeBytes(c.bytes()), c.bytes()))))
                .enforces("encodeBytesRule").hint("Append table[b & 0xFF] for every byte, as a code point (appendCodePoint)."),

            Check.<ByteLevelBpe>oracle("encodeAndDecodeMatchReference", ctx -> ctx.forAll(texts(), text -> {
                String expected = ctx.oracle().encode(text);
                equal("encode(text)", expected, ctx.subject().encode(text));
                equal("decode(encode(text))", ctx.oracle().decode(expected), ctx.subject().decode(expected));
            }))
                .enforces("encodeUtf8", "roundTrip").hint("encode goes through the UTF-8 bytes; decode inverts the table and decodes the bytes as UTF-8."),

            Check.<ByteLevelBpe>invariant("tableIsABijectionOf256Entries", ctx -> ctx.example("bytesToUnicode()", () -> {
                int[] t = ctx.subject().bytesToUnicode();
                that(t.length == 256, () -> "the table has " + t.length + " entries, expected 256");
                Set<Integer> seen = new HashSet<>();
                for (int b = 0; b < 256; b++) {
                    int k = b;
                    that(seen.add(t[b]), () -> "byte " + hex(k) + " maps to U+" + Integer.toHexString(t[k]) + ", already taken by another byte");
                }
            }))
                .enforces("table").hint("256 entries, all different: the 68 shifted bytes land on 256..323, above every printable byte."),

            Check.<ByteLevelBpe>invariant("printableBytesMapToThemselves", ctx -> ctx.example("bytesToUnicode()", () -> {
                int[] t = ctx.subject().bytesToUnicode();
                for (int b = 0; b < 256; b++) {
                    int k = b;
                    if (printable(b)) that(t[b] == b, () -> "printable byte " + hex(k) + " ('" + (char) k + "') maps to U+"
                            + Integer.toHexString(t[k]) + " instead of itself");
                    else that(t[b] != b, () -> "byte " + hex(k) + " is not printable (space, control or soft hyphen) but maps to itself");
                }
            })).hint("The printable bytes are 0x21-0x7E, 0xA1-0xAC and 0xAE-0xFF: 94 + 12 + 82 = 188 of them.")
                .enforces("table"),

            Check.<ByteLevelBpe>invariant("otherBytesMapTo256PlusTheirRankInOrder", ctx -> ctx.example("bytesToUnicode()", () -> {
                int[] t = ctx.subject().bytesToUnicode();
                int n = 0;
                for (int b = 0; b < 256; b++) {
                    if (printable(b)) continue;
                    int k = b, expected = 256 + n++;
                    that(t[b] == expected, () -> "non-printable byte " + hex(k) + " maps to U+" + Integer.toHexString(t[k])
                            + ", expected U+" + Integer.toHexString(expected) + " (256 + its rank among the non-printable bytes)");
                }
                that(n == 68, "68 bytes are not printable");
            }))
                .enforces("table").hint("Count the non-printable bytes in increasing order: byte 0 is 256, ..., space 0x20 is 256 + 32, the soft hyphen 0xAD is the last, 323."),

            Check.<ByteLevelBpe>invariant("everyMappedCharacterIsVisible", ctx -> ctx.example("bytesToUnicode()", () -> {
                int[] t = ctx.subject().bytesToUnicode();
                for (int b = 0; b < 256; b++) {
                    int k = b;
                    that(t[b] >= 0 && t[b] <= Character.MAX_CODE_POINT && !Character.isWhitespace(t[b]) && !Character.isISOControl(t[b])
                            && !Character.isSpaceChar(t[b]), () -> "byte " + hex(k) + " maps to U+" + Integer.toHexString(t[k])
                            + ", a whitespace or control character, which BPE vocab files cannot hold");
                }
            }))
                .enforces("table").hint("The shift to 256 + n exists precisely so that no byte maps to whitespace or a control character."),

            Check.<ByteLevelBpe>invariant("encodeBytesFollowsTheTable", ctx -> ctx.forAll(bytes(), c -> {
                int[] t = ctx.subject().bytesToUnicode();
                int[] cps = ctx.subject().encodeBytes(c.bytes()).codePoints().toArray();
                that(cps.length == c.bytes().length, () -> cps.length + " characters for " + c.bytes().length + " bytes");
                for (int i = 0; i < cps.length; i++) {
                    int k = i, b = c.bytes()[i] & 0xFF;
                    that(cps[i] == t[b], () -> "byte " + k + " (" + hex(b) + ") encodes to U+" + Integer.toHexString(cps[k])
                            + " but the table says U+" + Integer.toHexString(t[b]));
                }
            })).hint("A Java byte is signed: index the table with b & 0xFF.")
                .enforces("encodeBytesRule"),

            Check.<ByteLevelBpe>invariant("encodeGivesOneCharacterPerUtf8Byte", ctx -> ctx.forAll(texts(), text -> {
                String e = ctx.subject().encode(text);
                equal("encode(text)", ctx.subject().encodeBytes(text.getBytes(StandardCharsets.UTF_8)), e);
                int n = text.getBytes(StandardCharsets.UTF_8).length;
                that(e.codePointCount(0, e.length()) == n, () -> "encode gave " + e.codePointCount(0, e.length())
                        + " characters for " + n + " UTF-8 bytes");
            })).hint("Encode the UTF-8 bytes of the text (text.getBytes(StandardCharsets.UTF_8)), not its chars.")
                .enforces("encodeUtf8"),

            Check.<ByteLevelBpe>invariant("roundTripIsLosslessOnAnyUnicode", ctx -> ctx.forAll(texts(), text ->
                equal("decode(encode(text))", text, ctx.subject().decode(ctx.subject().encode(text)))))
                .hint("Decode: map each character back to its byte, then new String(bytes, StandardCharsets.UTF_8).")
                .enforces("roundTrip"),

            Check.<ByteLevelBpe>invariant("tableIsANewArrayEveryCall", ctx -> ctx.example("bytesToUnicode() twice", () ->
                Checks.fresh("bytesToUnicode()", () -> ctx.subject().bytesToUnicode())))
                .enforces("newTable")
                .hint("Build (or clone) the table inside bytesToUnicode: a cached array handed out lets one caller's write corrupt every later encode."),

            Check.<ByteLevelBpe>example("handWorkedUnicodeRoundTrips", ctx -> {
                for (String text : new String[] {"e\u0301", "\uD83D\uDE00", "a\u3000b\u00A0c\u2003d\t\r\n", "\u0000\u007F\u00AD", "\uD800\uDC00\uDBFF\uDFFF"}) {
                    ctx.example("text = " + text.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).toList(), () -> {
                        equal("encode(text) code points (one per UTF-8 byte)", text.getBytes(StandardCharsets.UTF_8).length,
                                (int) ctx.subject().encode(text).codePoints().count());
                        equal("decode(encode(text))", text, ctx.subject().decode(ctx.subject().encode(text)));
                    });
                }
            }).enforces("roundTrip", "encodeUtf8")
                .hint("Encode text.getBytes(UTF_8) as a whole (never char by char: a surrogate half alone is not UTF-8); decode every code point back to its byte, then new String(bytes, UTF_8)."),

            Check.<ByteLevelBpe>invariant("gpt2Examples", ctx -> {
                ctx.example("encode(\"Hello world\")", () -> equal("encode", "Hello\u0120world", ctx.subject().encode("Hello world")));
                ctx.example("encode(\"caf\u00e9\\n\")", () -> equal("encode", "caf\u00c3\u00a9\u010a", ctx.subject().encode("caf\u00e9\n")));
                ctx.example("encode(\"\u00a1\u00ad\")", () -> equal("encode", "\u00c2\u00a1\u00c2\u0143", ctx.subject().encode("\u00a1\u00ad")));
            })
                .enforces("table", "encodeUtf8").hint("Space is U+0120 'Ġ', newline U+010A 'Ċ'; é is the two UTF-8 bytes C3 A9, each mapped to itself.")
        );
    }
}
