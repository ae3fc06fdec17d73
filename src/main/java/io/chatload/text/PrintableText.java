package io.chatload.text;

/**
 * Text from an API (a URL, an error message, a cell value) made safe for one line of a terminal or a log: every
 * character that would steer the terminal instead of showing is written visibly as a backslash, {@code u} and its
 * four hex digits (ESC as {@code \\u001b}). Without it an API could change the terminal's title, move the cursor,
 * or print a forged line (a CR or LF followed by {@code Load ... COMPLETED}), and bidi overrides could make one text
 * read as another.
 *
 * <p>Escaped: C0 controls including tab, CR and LF (a line stays one line), DEL, C1 controls (0x80-0x9F, which
 * include the 8-bit CSI), the line and paragraph separators U+2028/U+2029, the bidi marks, embeddings, overrides and
 * isolates (U+061C, U+200E/F, U+202A-E, U+2066-9), and the byte order mark U+FEFF. Everything else, Cyrillic and
 * emoji included, stays as it is.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** The text with each unsafe character escaped; null stays null. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == '\u2028' || c == '\u2029'
                || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\ufeff';
    }
}
