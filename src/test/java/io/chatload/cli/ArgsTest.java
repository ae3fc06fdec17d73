package io.chatload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {

    private static Args parse(String... argv) {
        return Args.parse("run", List.of(argv), Set.of("--resources", "--port"), Set.of("--once"));
    }

    @Test
    void readsSwitchesValuesAndPositionals() {
        Args a = parse("--once", "--resources", "a,b", "--port=8", "query");
        assertTrue(a.has("--once"));
        assertEquals("a,b", a.value("--resources", null));
        assertEquals(8, a.intValue("--port", 0, 0, 10));
        assertEquals(List.of("query"), a.positionals());
    }

    @Test
    void rejectsUnknownFlagsMissingValuesAndBadNumbers() {
        assertEquals("run: unknown option --onse", assertThrows(UsageException.class, () -> parse("--onse")).getMessage());
        assertEquals("run: --resources needs a value", assertThrows(UsageException.class, () -> parse("--resources")).getMessage());
        assertEquals("run: --once takes no value", assertThrows(UsageException.class, () -> parse("--once=yes")).getMessage());
        assertEquals("--port 'x' must be a whole number from 0 to 10",
                assertThrows(UsageException.class, () -> parse("--port", "x").intValue("--port", 0, 0, 10)).getMessage());
    }
}
