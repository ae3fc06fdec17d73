package io.chatload.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The IDE metadata a Spring Boot user gets for the {@code chatload.*} keys is made from chatload's commented
 * application.properties, so the two cannot drift: this test fails when they differ, and with
 * {@code -Dchatload.write-spring-metadata=true} it writes the metadata anew.
 */
class SpringMetadataTest {

    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path METADATA = Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\{\\{env:([A-Za-z0-9_]+)(?::([^}]*))?}}");

    @Test
    void theMetadataDescribesEverySettingOfApplicationProperties() throws IOException {
        String expected = json(properties());
        if (Boolean.getBoolean("chatload.write-spring-metadata")) {
            Files.writeString(METADATA, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(METADATA, StandardCharsets.UTF_8),
                "regenerate with: mvn test -Dtest=SpringMetadataTest -Dchatload.write-spring-metadata=true");
    }

    /** Each key with the comment lines right above it (back to a blank line, a section rule or a key) and its default. */
    private static List<Map<String, Object>> properties() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> comment = new ArrayList<>();
        for (String line : Files.readAllLines(PROPERTIES, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("# ----")) {
                comment.clear();
            } else if (trimmed.startsWith("#")) {
                comment.add(trimmed.substring(1).trim());
            } else if (trimmed.startsWith("chatload.")) {
                int eq = trimmed.indexOf('=');
                String key = trimmed.substring(0, eq).trim();
                String value = trimmed.substring(eq + 1).trim();
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", key);
                p.put("type", "java.lang.String");
                StringBuilder description = new StringBuilder(String.join(" ", comment));
                Matcher env = ENV_DEFAULT.matcher(value);
                if (env.matches()) {
                    description.append(description.length() == 0 ? "" : " ").append("Environment variable: ").append(env.group(1)).append('.');
                    value = env.group(2) == null ? "" : env.group(2);
                }
                if (description.length() > 0) {
                    p.put("description", description.toString());
                }
                if (!value.isEmpty()) {
                    p.put("defaultValue", value);
                }
                out.add(p);
                comment.clear();
            }
        }
        Map<String, Object> enabled = new LinkedHashMap<>();
        enabled.put("name", "chatload.enabled");
        enabled.put("type", "java.lang.Boolean");
        enabled.put("description", "Whether chatload adds its routes to the Spring Boot application's CamelContext.");
        enabled.put("defaultValue", true);
        out.add(0, enabled);
        return out;
    }

    private static String json(List<Map<String, Object>> properties) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", "chatload");
        group.put("description", "chatload: Chaport and Chatforma into SQL, as dlt lays it out.");
        root.put("groups", List.of(group));
        root.put("properties", properties);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }
}
