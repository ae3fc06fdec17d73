package io.chatload.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.engine.LoadSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list cut at maxPages is not claimed as loaded: the visitors list is sorted newest first, and a watermark stored
 * after a cut run would stop every later run before the visitors the cut left out.
 */
class MaxPagesTest {

    @TempDir
    Path dir;

    private BadInputBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = new BadInputBed(dir);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void aSortedListCutAtMaxPagesKeepsItsWatermarkSoALaterRunReachesTheRest() throws Exception {
        String shipped = Files.readString(Path.of("routes/chaport/visitors.yaml"));
        bed.withResource("visitors.yaml", shipped + "      - {name: maxPages, value: \"1\"}\n");
        LoadSummary cut = bed.run();
        assertFalse(cut.failed(), String.join("\n", cut.lines()));
        assertTrue(cut.warnings().stream().anyMatch(w -> w.startsWith("chaport.visitors: stopped after 1 pages")),
                String.join("\n", cut.lines()));
        assertEquals(List.of("v1", "v2"), bed.column("SELECT id FROM chaport_data.visitors ORDER BY id"));

        bed.withResource("visitors.yaml", shipped); // maxPages back to its default
        LoadSummary rest = bed.run();
        assertFalse(rest.failed(), String.join("\n", rest.lines()));
        assertEquals(List.of("v1", "v2", "v3"), bed.column("SELECT id FROM chaport_data.visitors ORDER BY id"),
                "the visitor past the cut is loaded by the next run");
        assertEquals(List.of("v1", "v2", "v3"), bed.column("SELECT visitor_id FROM chaport_data.chats ORDER BY visitor_id"));
        bed.assertNoDuplicates();
    }
}
