package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.config.ConfigException;
import io.chatload.engine.LoadSummary;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.ExpectedTable;
import io.chatload.testing.TestPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source instances that cannot be one are refused one line each and stay disabled; the vendor's own source and the
 * valid instance load side by side.
 */
class SourceInstanceRefusalsTest {

    @TempDir
    Path dir;

    @Test
    void eachBadInstanceIsRefusedAloneWhileTheOthersLoad() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(30));
             TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, Path.of("routes"), Map.ofEntries(
                     Map.entry("CHATLOAD_CHAPORT_EU_VENDOR", "chaport"),
                     Map.entry("CHATLOAD_CHAPORT_EU_TOKEN", sandbox.config().chaportToken()),
                     Map.entry("CHATLOAD_CHAPORT_TYPO_VENDOR", "chaprt"),
                     Map.entry("CHATLOAD_CHAPORT_TYPO_TOKEN", sandbox.config().chaportToken()),
                     Map.entry("CHATLOAD_CHATFORMA_VENDOR", "chaport"),
                     Map.entry("CHATLOAD_CHAPORT_SAME_VENDOR", "chaport"),
                     Map.entry("CHATLOAD_CHAPORT_SAME_TOKEN", sandbox.config().chaportToken()),
                     Map.entry("CHATLOAD_CHAPORT_SAME_SCHEMA", "chaport_eu_data"),
                     Map.entry("CHATLOAD_CHAPORT_OLD_VENDOR", "chaport"),
                     Map.entry("CHATLOAD_CHAPORT_OLD_TOKEN", sandbox.config().chaportToken()),
                     Map.entry("CHATLOAD_CHAPORT_OLD_SCHEMA", "CHAPORT_DATA"),
                     Map.entry("CHATLOAD_INSTANCES", "chaport_listed"))))) {
            List<String> broken = p.runtime.catalog().brokenSources().stream().sorted().toList();
            assertEquals(List.of(
                    "chaport_listed: chatload.instances names it but chatload.chaport_listed.vendor is not set: set "
                            + "CHATLOAD_CHAPORT_LISTED_VENDOR to its vendor (chaport, chatforma)",
                    "chaport_old: its schema CHAPORT_DATA is already chaport's: set CHATLOAD_CHAPORT_OLD_SCHEMA (or "
                            + "chatload.chaport_old.schema) to a schema of its own",
                    "chaport_same: its schema chaport_eu_data is already chaport_eu's: set CHATLOAD_CHAPORT_SAME_SCHEMA (or "
                            + "chatload.chaport_same.schema) to a schema of its own",
                    "chaport_typo: chatload.chaport_typo.vendor = 'chaprt' is not a vendor: the vendors are chaport, "
                            + "chatforma (each a folder of resource files with a _source.yaml)",
                    "chatforma: it is an instance of chaport (chatload.chatforma.vendor) and a folder of resource files of "
                            + "its own (routes/chatforma/_source.yaml): give the instance another name"), broken);
            for (String line : broken) {
                String source = line.substring(0, line.indexOf(':'));
                assertEquals(1, p.notices.stream().filter(n -> n.startsWith(source + ": source disabled")).count(),
                        "one notice for " + source + ": " + p.notices);
            }
            ConfigException refused = assertThrows(ConfigException.class,
                    () -> p.runtime.catalog().select(List.of("chaport_same.visitors")));
            assertTrue(refused.getMessage().contains("is already chaport_eu's"), refused.getMessage());

            LoadSummary summary = p.runOnce();
            assertFalse(summary.failed(), String.join("\n", summary.lines()));
            assertTrue(summary.lines().stream().noneMatch(l -> l.contains("chaport_same.") || l.contains("chatforma.")),
                    String.join("\n", summary.lines()));
            ExpectedTable.assertAllLoaded(p.destination.dataSource(), ExpectedTable.chaport(sandbox.data()));
            ExpectedTable.assertAllLoaded(p.destination.dataSource(), ExpectedTable.chaport(sandbox.data(), "chaport_eu_data"));
        }
    }
}
