package io.chatload.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Next-page references as APIs write them: a URL in the body, absolute or relative to the page; a {@code Link}
 * header ({@code <url>; rel="next"}); and, to warn when a paginator would leave them unfollowed, dlt's detector's
 * idea of a body that names a next page (a key {@code next}, at any depth, holding a value or an object with
 * {@code href} or {@code url}).
 */
final class NextLinks {

    /** How {@link #named} calls a next page named by the Link header. */
    static final String LINK_HEADER = "the Link header";
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?", Pattern.CASE_INSENSITIVE);

    private NextLinks() {
    }

    /**
     * A reference resolved against the page that named it, or null when there is none; one that is not a URL is
     * resolved as far as it goes and left to the origin check, which names it.
     */
    static URI resolve(URI current, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        try {
            return current.resolve(new URI(reference.trim())).normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new BadResponseException("the next-page link '" + reference + "' is not a URL");
        }
    }

    /** The URL of the {@code Link} header entry with {@code rel} (e.g. next), or null. Header names in any case. */
    static String linkHeader(Map<String, ?> headers, String rel) {
        Object value = header(headers, "Link");
        if (value == null) {
            return null;
        }
        Matcher link = LINK.matcher(value.toString());
        while (link.find()) {
            Matcher rels = REL.matcher(link.group(2));
            while (rels.find()) {
                for (String r : rels.group(1).trim().split("\\s+")) {
                    if (r.equalsIgnoreCase(rel)) {
                        return link.group(1).trim();
                    }
                }
            }
        }
        return null;
    }

    private static Object header(Map<String, ?> headers, String name) {
        for (Map.Entry<String, ?> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                Object v = e.getValue();
                return v instanceof Iterable<?> many ? String.join(", ", java.util.stream.StreamSupport
                        .stream(many.spliterator(), false).map(String::valueOf).toList()) : v;
            }
        }
        return null;
    }

    /**
     * Where the page names a next page, for a warning: {@code the Link header} or the body path such as
     * {@code links.next}; null when it names none. An empty, null or false value names none.
     */
    static String named(Object body, Map<String, ?> headers) {
        if (linkHeader(headers, "next") != null) {
            return LINK_HEADER;
        }
        return nextPath(body, "", 0);
    }

    /** dlt's find_next_page_path: the first key starting {@code next} (any case) with a value, a few levels down at most. */
    static String nextPath(Object node, String path, int depth) {
        if (!(node instanceof Map<?, ?> map) || depth > 3) {
            return null;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            String here = path.isEmpty() ? key : path + "." + key;
            if (key.toLowerCase(Locale.ROOT).startsWith("next")) { // dlt's pattern: next, next_page, nextPageToken
                if (e.getValue() instanceof Map<?, ?> inner) {
                    for (String k : new String[] {"href", "url"}) {
                        if (present(inner.get(k))) {
                            return here + "." + k;
                        }
                    }
                } else if (present(e.getValue())) {
                    return here;
                }
            }
            String deeper = nextPath(e.getValue(), here, depth + 1);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    private static boolean present(Object value) {
        return (value instanceof String s && !s.isBlank()) || value instanceof Number || Boolean.TRUE.equals(value);
    }
}
