package io.chatload.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Run in a JVM with a small heap by {@link HeapLimitsTest}: reads hostile pages with the limits chatload derives from
 * that heap and prints one line per page, what a user would read. An OutOfMemoryError ends it with a non-zero exit.
 */
public final class HeapLimitsProbe {

    private HeapLimitsProbe() {
    }

    public static void main(String[] args) throws IOException {
        long heap = Runtime.getRuntime().maxMemory();
        long maxBody = ResponseParser.defaultMaxBodyBytes(heap);
        ResponseParser parser = new ResponseParser(maxBody, 500, ResponseParser.maxValues(heap));
        // 50 MB of ordinary records, under the old fixed 64 MB limit: more values than this heap holds as one page
        read(parser, "records", records(50L * 1024 * 1024));
        // 50 MB in few values: more bytes than this heap's limit
        read(parser, "long", repeated("\"" + "x".repeat(1_000_000) + "\"", 50L * 1024 * 1024));
        // just under this heap's byte limit, but the densest JSON there is: an empty object per three bytes
        read(parser, "dense", repeated("{}", maxBody - 64));
    }

    private static void read(ResponseParser parser, String name, InputStream body) throws IOException {
        try {
            Object page = parser.parse(body, "application/json");
            System.out.println(name + ": read " + page.getClass().getSimpleName());
        } catch (BadResponseException e) {
            System.out.println(name + ": " + e.getMessage());
        }
    }

    /** {@code {"result":[<item>,<item>,...]}} of about {@code size} bytes, made as it is read. */
    private static InputStream repeated(String item, long size) {
        byte[] head = "{\"result\":[".getBytes(StandardCharsets.US_ASCII);
        byte[] each = (item + ",").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = (item + "]}").getBytes(StandardCharsets.US_ASCII);
        long items = Math.max(0, (size - head.length - tail.length) / each.length);
        return new InputStream() {
            private long position;
            private final long length = head.length + items * each.length + tail.length;

            @Override
            public int read() {
                if (position >= length) {
                    return -1;
                }
                long p = position++;
                if (p < head.length) {
                    return head[(int) p];
                }
                p -= head.length;
                if (p < items * each.length) {
                    return each[(int) (p % each.length)];
                }
                return tail[(int) (p - items * each.length)];
            }
        };
    }

    private static InputStream records(long size) {
        return repeated("{\"id\":\"5f2a9c0e1b3d4a6f8e7c9b1a\",\"name\":\"Visitor 12345\",\"email\":\"v12345@example.org\","
                + "\"custom\":{\"plan\":\"pro\",\"tags\":[\"a\",\"b\"]},\"lastSeen\":\"2026-01-23T17:33:30.000Z\"}", size);
    }
}
