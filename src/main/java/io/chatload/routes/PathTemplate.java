package io.chatload.routes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A child resource's path with {@code {parent.field}} placeholders, filled from one parent record. */
public final class PathTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{parent\\.([A-Za-z0-9_]+)}");

    private PathTemplate() {
    }

    static boolean hasPlaceholders(String path) {
        return PLACEHOLDER.matcher(path).find();
    }

    public static String render(String path, Map<String, Object> parent) {
        Matcher m = PLACEHOLDER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = parent.get(m.group(1));
            if (value == null || value instanceof Map || value instanceof java.util.List) {
                throw new IllegalArgumentException("the parent record has no value '" + m.group(1) + "' for the path " + path);
            }
            String encoded = URLEncoder.encode(value.toString(), StandardCharsets.UTF_8).replace("+", "%20");
            m.appendReplacement(out, Matcher.quoteReplacement(encoded));
        }
        m.appendTail(out);
        return out.toString();
    }
}
