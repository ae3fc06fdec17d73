package io.chatload.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.config.ChatloadConfig;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.junit.jupiter.api.Test;

/**
 * Each resource parameter is declared once, in {@link ResourceParameter}: the template Camel's tooling reads, the
 * source defaults and the table in docs/resources.md are made from it. With
 * {@code -Dchatload.write-resource-docs=true} this test writes the docs table anew.
 */
class ResourceParameterTest {

    private static final Path DOCS = Path.of("docs/resources.md");

    @Test
    void theTemplateDeclaresEachParameterWithWhetherItIsRequiredItsDefaultAndItsMeaning() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            ResourceCatalog catalog = new ResourceCatalog(ChatloadConfig.load(Map.of(), new Properties()), source -> null, notice -> { });
            context.addRoutes(new ResourceTemplate(catalog, "direct:hand-off"));
            RouteTemplateDefinition template = ((ModelCamelContext) context).getRouteTemplateDefinition(ResourceTemplate.ID);
            Map<String, RouteTemplateParameterDefinition> declared = template.getTemplateParameters().stream()
                    .collect(Collectors.toMap(RouteTemplateParameterDefinition::getName, Function.identity()));
            assertEquals(ResourceParameter.values().length, declared.size());

            RouteTemplateParameterDefinition path = declared.get("path");
            assertTrue(path.isRequired(), "Camel's tooling sees that path must be given");
            assertNull(path.getDefaultValue());
            assertEquals(ResourceParameter.PATH.description(), path.getDescription());

            RouteTemplateParameterDefinition sorted = declared.get("sortedByCursor");
            assertEquals("false", sorted.getDefaultValue(), "a default no source overrides is Camel's");
            assertEquals(false, sorted.isRequired());

            RouteTemplateParameterDefinition paginator = declared.get("paginator");
            assertNull(paginator.getDefaultValue(), "a source default is not Camel's: it would shadow _source.yaml");
            assertEquals(false, paginator.isRequired());
            assertTrue(paginator.getDescription().endsWith(" Default: the source's, else single."), paginator.getDescription());
        }
    }

    @Test
    void noTemplateDefaultShadowsASourceDefault() {
        for (ResourceParameter p : ResourceParameter.values()) {
            if (p.fallback().templateDefault() != null) {
                assertTrue(!p.fallback().bySource() && !p.required(), p.key());
            }
        }
    }

    /** Camel binds _source.yaml's properties through setters: one for each parameter a source may default, no more. */
    @Test
    void theSourceDefaultsHaveASetterForEachParameterASourceMayDefault() {
        Set<String> setters = Arrays.stream(SourceDefaults.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getName().startsWith("set") && m.getParameterCount() == 1)
                .map(Method::getName)
                .filter(n -> !n.equals("setSchema") && !n.equals("setNaming"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> bySource = Arrays.stream(ResourceParameter.values())
                .filter(p -> p.fallback().bySource())
                .map(p -> "set" + Character.toUpperCase(p.key().charAt(0)) + p.key().substring(1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(bySource, setters);
    }

    @Test
    void aSourceStartsWithTheBuiltInDefaultsTheParametersDeclare() {
        SourceDefaults defaults = new SourceDefaults();
        for (ResourceParameter p : ResourceParameter.values()) {
            String expected = p.fallback().bySource() ? p.fallback().value() : null;
            assertEquals(expected, defaults.value(p), p.key());
        }
        assertEquals("single", defaults.value(ResourceParameter.PAGINATOR));
        assertEquals("0 0/15 * * * ?", defaults.value(ResourceParameter.SCHEDULE));
    }

    @Test
    void theDocsTableIsTheParameters() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        String expected = withTable(docs);
        if (Boolean.getBoolean("chatload.write-resource-docs")) {
            Files.writeString(DOCS, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(DOCS, StandardCharsets.UTF_8),
                "regenerate with: mvn test -Dtest=ResourceParameterTest -Dchatload.write-resource-docs=true");
    }

    private static final String BEGIN = "<!-- parameters: generated from io.chatload.routes.ResourceParameter by ResourceParameterTest -->";
    private static final String END = "<!-- parameters: end -->";

    /** The docs with the table between the markers made from the parameters. */
    private static String withTable(String docs) {
        int begin = docs.indexOf(BEGIN);
        int end = docs.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "docs/resources.md marks where the table goes with " + BEGIN + " and " + END);
        StringBuilder table = new StringBuilder(BEGIN).append("\n\n| parameter | when unset | meaning |\n|---|---|---|\n");
        for (ResourceParameter p : ResourceParameter.values()) {
            table.append("| `").append(p.key()).append("` | ").append(p.fallback().describe(v -> "`" + v + "`")).append(" | ")
                    .append(p.description().replace("|", "\\|")).append(" |\n");
        }
        return docs.substring(0, begin) + table.append('\n') + docs.substring(end);
    }
}
