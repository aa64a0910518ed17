package ai.finetune.runtime.tokenizer;

import java.util.Arrays;

/**
 * GPT-2's byte-to-unicode table: every byte 0..255 maps to one printable character so that byte-level BPE
 * tokens are ordinary strings (a space becomes 'Ġ', a newline 'Ċ'). Printable Latin-1 bytes map to themselves;
 * the other 68 bytes map to U+0100 upwards in byte order. Hugging Face's ByteLevel pre-tokenizer and decoder use
 * the same table, which is what makes a {@code tokenizer.json} interchangeable.
 */
public final class ByteLevel {
    private static final char[] BYTE_TO_CHAR = new char[256];
    /** Inverse table indexed by char; -1 where the char is not a byte-level char. */
    private static final int[] CHAR_TO_BYTE = new int[0x200];

    static {
        Arrays.fill(CHAR_TO_BYTE, -1);
        int n = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            char c = printable ? (char) b : (char) (256 + n++);
            BYTE_TO_CHAR[b] = c;
            CHAR_TO_BYTE[c] = b;
        }
    }

    /** The byte-level character of byte {@code b} (0..255). */
    public static char charOf(int b) {
        return BYTE_TO_CHAR[b & 0xFF];
    }

    /** The byte of a byte-level character, or -1 if {@code c} is not one. */
    public static int byteOf(char c) {
        return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
    }

    /** UTF-8 bytes of a string, each shown as its byte-level character. */
    public static String encode(byte[] utf8) {
        char[] out = new char[utf8.length];
        for (int i = 0; i < utf8.length; i++) {
            out[i] = BYTE_TO_CHAR[utf8[i] & 0xFF];
        }
        return new String(out);
    }

    /**
     * Bytes of a byte-level token string, or null if some character is not a byte-level character (then the
     * caller uses the token's own UTF-8 bytes, as Hugging Face's ByteLevel decoder does).
     */
    public static byte[] decode(String token) {
        byte[] out = new byte[token.length()];
        for (int i = 0; i < token.length(); i++) {
            int b = byteOf(token.charAt(i));
            if (b < 0) {
                return null;
            }
            out[i] = (byte) b;
        }
        return out;
    }

    private ByteLevel() {}
}
