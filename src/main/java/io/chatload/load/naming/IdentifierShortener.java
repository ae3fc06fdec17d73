package io.chatload.load.naming;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * dlt's {@code shorten_identifier}: a name longer than the limit keeps its head and its tail, with a 6-character tag
 * of the original text in the middle, so names differing anywhere stay apart and both ends stay readable. Lengths
 * count code points, as Python's {@code len} does.
 */
public final class IdentifierShortener {
    /**
     * Digest bytes: dlt derives them from a collision probability of 0.001 as
     * {@code int(3 * log2(1 / 0.001) // 8 + 1)} = 4, which base64 spells in 6 characters.
     */
    private static final int TAG_BYTES = 4;

    private IdentifierShortener() {
    }

    /**
     * @param normalized the name to fit
     * @param original   the text the tag is computed from (the raw key for one key, the joined path for fragments)
     * @param maxLength  0 for no limit
     */
    public static String shorten(String normalized, String original, int maxLength) {
        if (maxLength <= 0 || normalized.codePointCount(0, normalized.length()) <= maxLength) {
            return normalized;
        }
        return trimAndTag(normalized, tag(original), maxLength);
    }

    /**
     * For a database that counts bytes (PostgreSQL): a name longer than {@code maxBytes} in UTF-8 keeps as much of its
     * head and tail as fits around the tag of the whole name. dlt counts characters only, so its names past ASCII can
     * exceed such a limit; this is where chatload goes further than dlt.
     */
    public static String shortenToBytes(String name, int maxBytes) {
        if (utf8Length(name) <= maxBytes) {
            return name;
        }
        String tag = tag(name);
        int[] points = name.codePoints().toArray();
        int room = maxBytes - tag.length();
        int tailRoom = room / 2;
        int tail = 0;
        for (int used = 0; tail < points.length && used + utf8Length(points[points.length - 1 - tail]) <= tailRoom; tail++) {
            used += utf8Length(points[points.length - 1 - tail]);
        }
        int headRoom = room - utf8Length(new String(points, points.length - tail, tail));
        int head = 0;
        for (int used = 0; head < points.length - tail && used + utf8Length(points[head]) <= headRoom; head++) {
            used += utf8Length(points[head]);
        }
        return new String(points, 0, head) + tag + new String(points, points.length - tail, tail);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    /**
     * SHAKE-128 of the UTF-8 text, 4 bytes, base64 without padding, {@code /} → {@code a} and {@code +} → {@code b},
     * lower case.
     */
    public static String tag(String original) {
        byte[] digest = Shake128.digest(original.getBytes(StandardCharsets.UTF_8), TAG_BYTES);
        String base64 = Base64.getEncoder().withoutPadding().encodeToString(digest);
        return base64.replace('/', 'a').replace('+', 'b').toLowerCase(Locale.ROOT);
    }

    /** The tag in the middle: the head gets the odd character when the room left is odd. */
    static String trimAndTag(String name, String tag, int maxLength) {
        int[] points = name.codePoints().toArray();
        if (tag.length() > maxLength) {
            throw new IllegalArgumentException("identifier limit " + maxLength + " is shorter than the tag");
        }
        int remaining = maxLength - tag.length();
        int head = remaining / 2 + remaining % 2;
        int tail = remaining / 2;
        return new String(points, 0, head) + tag + new String(points, points.length - tail, tail);
    }
}
