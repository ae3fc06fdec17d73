package io.chatload.load.naming;

/**
 * Python's idea of white space ({@code str.isspace}, {@code str.strip}), which dlt's conventions use to trim keys and
 * to drop blank path parts. It is wider than Java's {@link String#strip}: no-break spaces (U+00A0, U+2007, U+202F) and
 * NEXT LINE (U+0085) count too.
 */
final class PythonText {
    private PythonText() {
    }

    /** {@code c.isspace()}: Java's white space, plus the no-break spaces and NEXT LINE that Java leaves out. */
    static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
    }

    /** {@code s.strip()}. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** {@code not s.strip()}: empty or only white space. */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            if (!isSpace(s.codePointAt(i))) {
                return false;
            }
        }
        return true;
    }
}
