package io.chatload.sandbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleAndConfigTest {

    @Test
    void scaleNamesParseIgnoringCaseAndSpaces() {
        assertEquals(Scale.TINY, Scale.parse("tiny"));
        assertEquals(Scale.MEDIUM, Scale.parse(" Medium "));
        assertEquals(Scale.LARGE, Scale.parse("LARGE"));
    }

    @Test
    void unknownScaleNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scale.parse("huge"));
        assertEquals("Unknown scale 'huge'; valid values: tiny, small, medium, large", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scale.parse(null));
    }

    @Test
    void defaultsAreASmallAccountOnARandomPort() {
        SandboxConfig config = SandboxConfig.defaults();
        assertEquals(new SandboxConfig(0, 42, 8, 180, 50, 3, 0, "sandbox-chaport-token", "sandbox-chatforma-key"),
                config);
    }

    @Test
    void withersChangeOnlyTheirOwnSetting() {
        SandboxConfig config = SandboxConfig.defaults()
                .withScale(Scale.LARGE).withPort(8080).withSeed(7).withVisitorsPageSize(100).withLatencyMs(25);
        assertEquals(new SandboxConfig(8080, 7, 60, 20_000, 100, 10, 25,
                "sandbox-chaport-token", "sandbox-chatforma-key"), config);
        assertEquals(new SandboxConfig(8080, 7, 1, 2, 100, 3, 25, "sandbox-chaport-token", "sandbox-chatforma-key"),
                config.withOperators(1).withVisitors(2).withBots(3));
    }

    @Test
    void impossibleSettingsAreRejected() {
        SandboxConfig config = SandboxConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> config.withPort(70_000));
        assertThrows(IllegalArgumentException.class, () -> config.withVisitors(-1));
        assertThrows(IllegalArgumentException.class, () -> config.withVisitorsPageSize(0));
        assertThrows(IllegalArgumentException.class, () -> config.withLatencyMs(-5));
    }

    @Test
    void credentialsStayOutOfToString() {
        String text = SandboxConfig.defaults().toString();
        assertFalse(text.contains("sandbox-chaport-token"), text);
        assertFalse(text.contains("sandbox-chatforma-key"), text);
        assertTrue(text.contains("seed=42"), text);
    }
}
