package io.chatload.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps path patterns such as {@code /visitors/{id}} to handlers, for the paths under one API's prefix. It tells an
 * unknown path (404) from a known path asked with the wrong method (405), and names the pattern a request hit, which
 * is what the request statistics count.
 */
final class Router {
    /** The pattern reported for paths no route knows. */
    static final String UNMATCHED = "/*";

    @FunctionalInterface
    interface Handler {
        Response handle(ApiRequest request);
    }

    private record Route(String method, String pattern, List<String> segments, Handler handler) {
    }

    /**
     * The outcome of routing one request.
     *
     * @param handler null when no route fits the method and path
     * @param allowed the methods the path supports; empty for an unknown path
     */
    record Resolution(String pattern, Handler handler, Map<String, String> params, Set<String> allowed) {

        boolean unknownPath() {
            return allowed.isEmpty();
        }
    }

    private final List<Route> routes = new ArrayList<>();

    Router get(String pattern, Handler handler) {
        return route("GET", pattern, handler);
    }

    Router post(String pattern, Handler handler) {
        return route("POST", pattern, handler);
    }

    Router put(String pattern, Handler handler) {
        return route("PUT", pattern, handler);
    }

    Router delete(String pattern, Handler handler) {
        return route("DELETE", pattern, handler);
    }

    private Router route(String method, String pattern, Handler handler) {
        routes.add(new Route(method, pattern, segments(pattern), handler));
        return this;
    }

    /** Resolves a path relative to the API's prefix, such as "/visitors/abc"; "" and "x/y" match nothing. */
    Resolution resolve(String method, String path) {
        Set<String> allowed = new TreeSet<>();
        String pattern = UNMATCHED;
        if (!path.startsWith("/")) {
            return new Resolution(pattern, null, Map.of(), allowed);
        }
        List<String> segments = segments(path);
        for (Route route : routes) {
            Optional<Map<String, String>> params = match(route.segments(), segments);
            if (params.isEmpty()) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Resolution(route.pattern(), route.handler(), params.get(), Set.of(method));
            }
            allowed.add(route.method());
            pattern = route.pattern();
        }
        return new Resolution(pattern, null, Map.of(), allowed);
    }

    private static Optional<Map<String, String>> match(List<String> pattern, List<String> path) {
        if (pattern.size() != path.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            String actual = path.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.isEmpty()) {
                    return Optional.empty();
                }
                params.put(expected.substring(1, expected.length() - 1), decode(actual));
            } else if (!expected.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    /** "/visitors/abc" gives ["visitors", "abc"]; a trailing slash gives a last, empty segment. */
    private static List<String> segments(String path) {
        return List.of(path.substring(1).split("/", -1));
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
