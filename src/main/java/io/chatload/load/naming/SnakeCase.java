package io.chatload.load.naming;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * dlt's default {@code snake_case}: lower-case {@code [a-z0-9_]} names (plus any Unicode decimal digit, which Python's
 * {@code \d} keeps). {@code + - * @ |} become {@code x _ x a l}, every other run of characters one {@code _} (so
 * {@code имя} → {@code x}, {@code café} → {@code cafx}), camel case is split, a leading digit gets a {@code _}, each
 * trailing {@code _} becomes {@code x}, and runs of {@code _} collapse, so one key never makes the {@code __} separator.
 */
final class SnakeCase extends BaseConvention {
    /**
     * Python's {@code [^a-zA-Z\d_]+}: its {@code \d} is any Unicode decimal digit (category Nd), as {@code \p{Nd}} is
     * here; Python's white space is {@link PythonText}'s, checked equal over every code point. Java 17 knows Unicode 13,
     * Python 3.11 Unicode 14: the 10 digits added between them count as other characters here.
     */
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-zA-Z\\p{Nd}_]+");
    private static final Pattern BREAK_BEFORE_WORD = Pattern.compile("([^_])([A-Z][a-z]+)");
    private static final Pattern BREAK_AFTER_LOWER = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern UNDERSCORES = Pattern.compile("__+");

    SnakeCase(int maxLength) {
        super(maxLength);
    }

    @Override
    public String name() {
        return "snake_case";
    }

    @Override
    public boolean caseSensitive() {
        return false;
    }

    @Override
    String normalizeStripped(String identifier) {
        String reduced = NON_ALPHANUMERIC.matcher(reduceAlphabet(identifier)).replaceAll("_");
        return IdentifierShortener.shorten(toSnakeCase(reduced), identifier, maxLength());
    }

    private static String reduceAlphabet(String identifier) {
        StringBuilder out = new StringBuilder(identifier.length());
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            out.append(switch (c) {
                case '+', '*' -> 'x';
                case '-' -> '_';
                case '@' -> 'a';
                case '|' -> 'l';
                default -> c;
            });
        }
        return out.toString();
    }

    private static String toSnakeCase(String identifier) {
        String snake = BREAK_BEFORE_WORD.matcher(identifier).replaceAll("$1_$2");
        snake = BREAK_AFTER_LOWER.matcher(snake).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
        if (!snake.isEmpty() && Character.getType(snake.codePointAt(0)) == Character.DECIMAL_DIGIT_NUMBER) {
            snake = "_" + snake;
        }
        int end = snake.length();
        while (end > 0 && snake.charAt(end - 1) == '_') {
            end--;
        }
        String stripped = snake.substring(0, end) + "x".repeat(snake.length() - end);
        return UNDERSCORES.matcher(stripped).replaceAll("_");
    }
}
