package io.chatload.source;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a response body as JSON within limits: at most {@code maxBodyBytes}, at most {@code maxDepth} levels of
 * nesting, and no key twice in one object (which value was meant is anyone's guess). What breaks a limit or is not
 * JSON becomes a {@link BadResponseException} saying so; a body that is not JSON at all (cut short, an HTML page)
 * is marked transient, so it is fetched again.
 */
public final class ResponseParser {

    private final long maxBodyBytes;
    private final ObjectMapper json;

    public ResponseParser(long maxBodyBytes, int maxDepth) {
        this.maxBodyBytes = maxBodyBytes;
        int maxString = (int) Math.min(Integer.MAX_VALUE, maxBodyBytes);
        this.json = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth).maxStringLength(maxString).maxNumberLength(1_000).build());
    }

    public Object parse(InputStream body, String contentType) throws IOException {
        try (InputStream in = new Bounded(body, maxBodyBytes)) {
            return json.readValue(in, Object.class);
        } catch (JacksonException e) {
            String reason = e.getOriginalMessage();
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
        }
    }

    /** Stops reading past the limit, with a message naming the setting. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

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

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new BadResponseException("the body is larger than " + limit + " bytes: raise chatload.http.max-body-bytes "
                        + "if the API really answers that much");
            }
        }
    }
}
