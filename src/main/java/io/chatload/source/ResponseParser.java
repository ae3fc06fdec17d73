package io.chatload.source;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a response body as JSON within limits: at most {@code maxBodyBytes}, at most {@code maxDepth} levels of
 * nesting, at most {@code maxValues} JSON tokens, and no key twice in one object (which value was meant is anyone's
 * guess). What breaks a limit or is not JSON becomes a {@link BadResponseException} saying so; a body that is not
 * JSON at all (cut short, an HTML page) is marked transient, so it is fetched again.
 *
 * <p>Why limits sized to the heap rather than a streaming reader: a page's records are what the run engine hands on
 * (to the data selector, the paginator, the batch), so streaming would still hold one page's records, and the page is
 * the unit a hostile API makes large. What bounds memory is bounding the page, in the two ways it grows: its bytes
 * ({@link #defaultMaxBodyBytes}, a sixteenth of the heap unless set) and its parsed values ({@link #maxValues}, about
 * 64 bytes of heap each once parsed: {@code [{},{},...]} costs twenty times its size, which a byte limit alone
 * cannot catch). A page over either is one line, never an OutOfMemoryError. The byte limit holds because the body
 * comes here as the raw stream (the page fetch turns Camel's stream cache off), not after a copy of all of it.
 */
public final class ResponseParser {

    /** The most {@link #defaultMaxBodyBytes} gives, whatever the heap. */
    private static final long MAX_DEFAULT_BODY_BYTES = 64L * 1024 * 1024;

    private final long maxBodyBytes;
    private final long maxValues;
    private final ObjectMapper json;

    /** Limits for this JVM's heap; for a parser of small known answers. */
    public ResponseParser(long maxBodyBytes, int maxDepth) {
        this(maxBodyBytes, maxDepth, maxValues(Runtime.getRuntime().maxMemory()));
    }

    public ResponseParser(long maxBodyBytes, int maxDepth, long maxValues) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxValues = maxValues;
        int maxString = (int) Math.min(Integer.MAX_VALUE, maxBodyBytes);
        this.json = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                // the body is closed here, after reading all of it, or dropped when reading stopped short
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth).maxStringLength(maxString).maxNumberLength(1_000)
                .maxTokenCount(maxValues).build());
    }

    /** {@code chatload.http.max-body-bytes} when unset: a sixteenth of the heap ({@code -Xmx}), at most 64 MB. */
    public static long defaultMaxBodyBytes(long maxHeapBytes) {
        return Math.min(MAX_DEFAULT_BODY_BYTES, maxHeapBytes / 16);
    }

    /** The JSON tokens a page may hold: one per 256 bytes of heap, so a parsed page stays within a quarter of it. */
    public static long maxValues(long maxHeapBytes) {
        return Math.max(1_000, maxHeapBytes / 256);
    }

    public Object parse(InputStream body, String contentType) throws IOException {
        Bounded in = new Bounded(body, maxBodyBytes);
        try {
            Object value = json.readValue(in, Object.class);
            in.readRest(); // what follows the value counts too, and leaves the connection clean for the next request
            return value;
        } catch (JacksonException e) {
            String reason = e.getOriginalMessage();
            if (reason != null && reason.startsWith("Token count")) {
                throw new BadResponseException("the body holds more than " + maxValues + " JSON values, more than "
                        + "this heap can hold as one page (one per 256 bytes of -Xmx): give the JVM more memory if the "
                        + "API really answers that much", e, false);
            }
            if (reason != null && (reason.contains("nesting depth") || reason.contains("String value length")
                    || reason.contains("Duplicate field") || reason.contains("Number value length"))) {
                throw new BadResponseException("the JSON breaks a limit: " + reason.lines().findFirst().orElse(reason)
                        + " (see chatload.http.max-json-depth, chatload.http.max-body-bytes)", e, false);
            }
            boolean html = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("html");
            boolean empty = reason != null && reason.startsWith("No content to map");
            throw new BadResponseException(empty ? "the body is empty, not JSON"
                    : html ? "the body is an HTML page, not JSON (an error page of a proxy?)"
                    : "the body is not valid JSON (" + (reason == null ? e.getClass().getSimpleName() : reason.lines().findFirst().orElse(reason)) + ")",
                    e, true);
        } finally {
            in.release();
        }
    }

    /** Stops reading past the limit, with a message naming the setting. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;
        private boolean ended;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        /** Reads to the end, within the limit. */
        void readRest() throws IOException {
            byte[] buffer = new byte[8192];
            while (read(buffer, 0, buffer.length) >= 0) {
                // discarded: only the count matters
            }
            ended = true;
        }

        /**
         * Closes a body read to its end; drops the connection of one read only in part (too large, not JSON), since
         * closing it would read the rest first, without end if the body has none.
         */
        void release() throws IOException {
            if (!ended && in instanceof AbortableBody body) {
                body.abort();
            } else {
                close();
            }
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new BadResponseException("the body is larger than " + limit + " bytes: raise chatload.http.max-body-bytes "
                        + "(by default a sixteenth of the heap, at most 64 MB) and -Xmx if the API really answers that much");
            }
        }
    }
}
