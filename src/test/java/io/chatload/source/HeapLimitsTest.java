package io.chatload.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The answer-size limits follow the heap: a page too large for it is one line naming the limit, never an
 * OutOfMemoryError.
 */
class HeapLimitsTest {

    private static final long MB = 1024 * 1024;

    @Test
    void theDefaultBodyLimitIsASixteenthOfTheHeapAtMost64Mb() {
        assertEquals(4 * MB, ResponseParser.defaultMaxBodyBytes(64 * MB));
        assertEquals(16 * MB, ResponseParser.defaultMaxBodyBytes(256 * MB));
        assertEquals(64 * MB, ResponseParser.defaultMaxBodyBytes(1024 * MB));
        assertEquals(64 * MB, ResponseParser.defaultMaxBodyBytes(16 * 1024 * MB));
    }

    @Test
    void aPageHoldsAtMostOneJsonValuePer256BytesOfHeap() {
        assertEquals(1024 * 1024, ResponseParser.maxValues(256 * MB));
        ResponseParser parser = new ResponseParser(1 * MB, 500, 1_000);
        String dense = "[" + "{},".repeat(600) + "{}]";
        BadResponseException refused = assertThrows(BadResponseException.class, () -> parser.parse(
                new ByteArrayInputStream(dense.getBytes(StandardCharsets.US_ASCII)), "application/json"));
        assertFalse(refused.transientFault(), "the same answer would come again");
        assertEquals("the body holds more than 1000 JSON values, more than this heap can hold as one page (one per "
                + "256 bytes of -Xmx): give the JVM more memory if the API really answers that much", refused.getMessage());
    }

    @Test
    void underA64MbHeapLargeAndDensePagesAreOneLineEachNotAnOutOfMemoryError() throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), HeapLimitsProbe.class.getName())
                .redirectErrorStream(true).start();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe ends");
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, probe.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertEquals(3, lines.size(), output);
        assertTrue(lines.get(0).startsWith("records: the body holds more than "), output);
        assertTrue(lines.get(1).startsWith("long: the body is larger than "), output);
        assertTrue(lines.get(1).contains("chatload.http.max-body-bytes"), output);
        assertTrue(lines.get(2).startsWith("dense: the body holds more than "), output);
    }
}
