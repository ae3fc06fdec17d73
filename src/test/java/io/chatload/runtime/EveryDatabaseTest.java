package io.chatload.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.engine.LoadSummary;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxServer;
import io.chatload.testing.TestDatabases;
import io.chatload.testing.TestDatabases.Kind;
import io.chatload.testing.TestDatabases.TestDatabase;
import io.chatload.testing.TestPipeline;
import io.chatload.testing.Truth;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole pipeline on the production databases: both sources, the shipped routes (their SQL included), an
 * incremental re-run. H2 runs every other test. Skipped when a server is not reachable, unless
 * CHATLOAD_REQUIRE_DATABASES=true (as in .ci/run).
 */
class EveryDatabaseTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRES", "MARIADB"})
    void bothSourcesLoadAndReloadEqualToTheTruth(Kind kind) throws Exception {
        try (TestDatabase db = kind == Kind.MARIADB
                ? TestDatabases.mariadbExclusive("pipeline", "chaport_data", "chatforma_data")
                : TestDatabases.postgres("pipeline");
             SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withVisitors(60).withBots(2));
             TestPipeline p = TestPipeline.once(TestPipeline.config(sandbox, dir, Path.of("routes"), db.env()))) {
            LoadSummary first = p.runOnce();
            assertFalse(first.failed(), String.join("\n", first.lines()));
            ChaportSourceTest.assertEqualsTruth(p.destination.dataSource(), sandbox.data());
            ChatformaSourceTest.assertEqualsTruth(p.destination.dataSource(), sandbox.data());
            long requests = sandbox.stats().values().stream().mapToLong(Long::longValue).sum();

            sandbox.data().addChats(3, 7);
            sandbox.data().addDialogMessages(2, 7);
            LoadSummary second = p.runOnce();
            assertFalse(second.failed(), String.join("\n", second.lines()));
            long again = sandbox.stats().values().stream().mapToLong(Long::longValue).sum() - requests;
            assertTrue(again < requests / 5, "the re-run made " + again + " requests after " + requests);
            ChaportSourceTest.assertEqualsTruth(p.destination.dataSource(), sandbox.data());
            ChatformaSourceTest.assertEqualsTruth(p.destination.dataSource(), sandbox.data());
            for (String schema : List.of("chaport_data", "chatforma_data")) {
                assertEquals(2, Truth.count(p.destination.dataSource(), "SELECT COUNT(*) FROM " + schema
                        + "._dlt_loads WHERE status = 0"), "dlt's completed loads in " + schema);
                assertEquals(2, Truth.count(p.destination.dataSource(), "SELECT COUNT(*) FROM " + schema + "._dlt_loads l JOIN "
                        + schema + "._dlt_version v ON v.version_hash = l.schema_version_hash"), "each names its schema version");
            }
        }
    }
}
