package io.chatload.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * dlt's default {@code snake_case} naming: JSON keys become lower-case identifiers of {@code [a-z0-9_]}, nested paths
 * are joined with {@code __}, and names past the dialect's limit are shortened with a hash tag. A single key never
 * yields {@code __} (runs of {@code _} collapse) nor ends with {@code _} (trailing ones become {@code x}), so joined
 * paths cannot collide with plain keys.
 */
final class NamingConvention {
    static final String SEPARATOR = "__";
    /** What an empty (or blank) key is called. */
    static final String EMPTY = "_empty";
    private static final int TAG_LENGTH = 8;
    private static final int CACHE_LIMIT = 50_000;
    private static final Map<Character, String> LATIN = latinLetters();

    private final int maxLength;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    NamingConvention(int maxLength) {
        if (maxLength < 2 * TAG_LENGTH) {
            throw new IllegalArgumentException("identifier limit too small: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /** The full identifier for one key: normalised and shortened. */
    String identifier(String key) {
        return shorten(normalize(key));
    }

    /** dlt snake_case of one key, not shortened: {@code lastSeen} → {@code last_seen}, {@code URLPath} → {@code url_path}. */
    String normalize(String key) {
        String known = cache.get(key);
        if (known != null) {
            return known;
        }
        String name = snakeCase(key);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(key, name);
        }
        return name;
    }

    /** A path of already normalised segments, e.g. {@code utm} + {@code source} → {@code utm__source}. */
    static String path(String prefix, String segment) {
        return prefix.isEmpty() ? segment : prefix + SEPARATOR + segment;
    }

    /** The name unchanged if it fits the limit, else its head plus a tag of the whole name (same input, same output). */
    String shorten(String name) {
        if (name.length() <= maxLength) {
            return name;
        }
        return name.substring(0, maxLength - TAG_LENGTH - 1) + "_" + tag(name);
    }

    /** The column that takes values of {@code type} that clash with {@code column}'s type. */
    String variant(String column, DataType type) {
        return shorten(column + SEPARATOR + "v_" + type.dltName());
    }

    /**
     * Normalised names for the keys of one JSON object. Keys that normalise to the same name (or to a reserved name)
     * are told apart deterministically: the key already in normal form keeps the name, else the smallest key does;
     * every other one gets a tag of its own text appended ({@code a_b}, {@code aB} → {@code a_b}, {@code a_b_1f2e3d4c}).
     */
    Map<String, String> keyNames(Collection<String> keys, Set<String> reserved) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> byName = new HashMap<>();
        boolean clash = false;
        for (String key : keys) {
            String name = normalize(key);
            names.put(key, name);
            List<String> same = byName.computeIfAbsent(name, n -> new ArrayList<>(1));
            same.add(key);
            clash |= same.size() > 1 || reserved.contains(name);
        }
        if (!clash) {
            return names;
        }
        for (Map.Entry<String, List<String>> group : byName.entrySet()) {
            String name = group.getKey();
            List<String> same = group.getValue();
            if (same.size() == 1 && !reserved.contains(name)) {
                continue;
            }
            String keeper = reserved.contains(name) ? null
                    : same.stream().filter(name::equals).findFirst().orElse(same.stream().sorted().findFirst().orElseThrow());
            for (String key : same) {
                if (!key.equals(keeper)) {
                    names.put(key, name + "_" + tag(key));
                }
            }
        }
        return names;
    }

    private static String snakeCase(String key) {
        String trimmed = key.strip();
        if (trimmed.isEmpty()) {
            return EMPTY;
        }
        String reduced = reduceAlphabet(toLatin(trimmed));
        if (reduced.isEmpty()) {
            return EMPTY;
        }
        StringBuilder snake = new StringBuilder(reduced.length() + 8);
        for (int i = 0; i < reduced.length(); i++) {
            char c = reduced.charAt(i);
            if (isUpper(c) && i > 0) {
                char prev = reduced.charAt(i - 1);
                boolean nextLower = i + 1 < reduced.length() && isLower(reduced.charAt(i + 1));
                // word breaks: "lastSeen" → last_Seen, "URLPath" → URL_Path
                if (isLower(prev) || isDigit(prev) || (prev != '_' && nextLower)) {
                    snake.append('_');
                }
            }
            snake.append(isUpper(c) ? (char) (c + ('a' - 'A')) : c);
        }
        if (isDigit(snake.charAt(0))) {
            snake.insert(0, '_');
        }
        int end = snake.length();
        while (end > 0 && snake.charAt(end - 1) == '_') {
            end--;
        }
        int trailing = snake.length() - end;
        snake.setLength(end);
        snake.append("x".repeat(trailing));
        return collapseUnderscores(snake);
    }

    /** ASCII letters, digits and {@code _} stay; dlt's swaps apply; every other run of characters becomes one {@code _}. */
    private static String reduceAlphabet(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean replacing = false;
        for (int i = 0; i < s.length(); i++) {
            char c = swap(s.charAt(i));
            if (isUpper(c) || isLower(c) || isDigit(c) || c == '_') {
                out.append(c);
                replacing = false;
            } else if (!replacing) {
                out.append('_');
                replacing = true;
            }
        }
        return out.toString();
    }

    private static char swap(char c) {
        return switch (c) {
            case '+', '*' -> 'x';
            case '-' -> '_';
            case '@' -> 'a';
            case '|' -> 'l';
            default -> c;
        };
    }

    /** Simple transliteration: accents dropped (é → e), a few Latin letters spelled out, Cyrillic romanised. */
    private static String toLatin(String s) {
        if (s.chars().allMatch(c -> c < 128)) {
            return s;
        }
        StringBuilder spelled = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char lower = Character.toLowerCase(c);
            String latin = LATIN.get(lower);
            if (latin == null) {
                spelled.append(c);
            } else if (c != lower && !latin.isEmpty()) {
                spelled.append(Character.toUpperCase(latin.charAt(0))).append(latin, 1, latin.length());
            } else {
                spelled.append(latin);
            }
        }
        String decomposed = Normalizer.normalize(spelled, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String collapseUnderscores(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '_' || out.length() == 0 || out.charAt(out.length() - 1) != '_') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A short lower-case hex digest of {@code s}; stable across runs and JVMs. */
    static String tag(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(TAG_LENGTH);
            for (int i = 0; hex.length() < TAG_LENGTH; i++) {
                hex.append(Character.forDigit((digest[i] >> 4) & 0xf, 16)).append(Character.forDigit(digest[i] & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Map<Character, String> latinLetters() {
        Map<Character, String> m = new HashMap<>();
        String[] pairs = {
            "ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d", "ð", "d", "þ", "th", "ı", "i",
            "а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ё", "e", "ж", "zh", "з", "z", "и", "i",
            "й", "y", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s", "т", "t",
            "у", "u", "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch", "ъ", "", "ы", "y",
            "ь", "", "э", "e", "ю", "yu", "я", "ya", "і", "i", "ї", "yi", "є", "ye", "ґ", "g",
        };
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i].charAt(0), pairs[i + 1]);
        }
        return Map.copyOf(m);
    }
}
