package io.chatload.source.urls;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small URL helpers that keep the other query parameters as they are. */
public final class Urls {

    private Urls() {
    }

    /** The base URL joined with a resource path such as {@code /visitors} or {@code /forms?botId=1}. */
    public static URI resolve(URI base, String path) {
        String b = base.toString();
        String p = path.startsWith("/") ? path : "/" + path;
        return URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) + p : b + p);
    }

    public static String queryParam(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    public static URI withQueryParam(URI uri, String name, String value) {
        List<String> pairs = new ArrayList<>();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (!key.equals(name)) {
                    pairs.add(pair);
                }
            }
        }
        pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        String s = uri.toString();
        int q = s.indexOf('?');
        int hash = s.indexOf('#');
        String head = q >= 0 ? s.substring(0, q) : (hash >= 0 ? s.substring(0, hash) : s);
        return URI.create(head + "?" + String.join("&", pairs));
    }

    /** Path and query only: what error messages show, so that no host credentials or fragments leak. */
    public static String pathAndQuery(URI uri) {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
