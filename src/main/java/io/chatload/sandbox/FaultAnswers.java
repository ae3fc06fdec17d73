package io.chatload.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends what a drawn fault answers instead of the real answer. None of them runs the endpoint of a write, so a
 * faulted write changes nothing; a {@link FaultKind#SLOW} fault is not here, as it sends the real answer late.
 */
final class FaultAnswers {
    /** IMF-fixdate, the HTTP-date form servers send; RFC_1123_DATE_TIME would drop the day's leading zero. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** What a misrouted proxy or CDN in front of an API serves, here with status 200 as some do. */
    private static final byte[] HTML_PAGE = """
            <!DOCTYPE html>
            <html>
            <head><title>502 Bad Gateway</title></head>
            <body>
            <center><h1>502 Bad Gateway</h1></center>
            <hr><center>nginx</center>
            </body>
            </html>
            """.getBytes(StandardCharsets.UTF_8);

    private FaultAnswers() {
    }

    /**
     * @param realAnswer the answer the request would get; asked only for a GET's {@link FaultKind#TRUNCATED} body,
     *                   as reads change nothing (a write's is cut from the API's 503 error body instead)
     */
    static void send(HttpExchange exchange, Fault fault, Api api, Supplier<Response> realAnswer) throws IOException {
        switch (fault.kind()) {
            case SERVER_ERROR -> JsonResponses.send(exchange, fault.variant()
                    ? api.error(503, "Service unavailable") : api.error(500, "Internal server error"));
            case TOO_MANY_REQUESTS -> {
                Response tooMany = api.error(429, "Too many requests");
                JsonResponses.send(exchange, fault.variant() ? tooMany.withHeader("Retry-After", "1") : tooMany);
            }
            case TOO_MANY_REQUESTS_DATE -> JsonResponses.send(exchange, api.error(429, "Too many requests")
                    .withHeader("Retry-After", retryDate()));
            // closing an exchange before its headers are sent drops the connection: the client reads an EOF
            case RESET -> exchange.close();
            case TRUNCATED -> {
                Response whole = exchange.getRequestMethod().equals("GET")
                        ? realAnswer.get() : api.error(503, "Service unavailable");
                byte[] body = JsonResponses.body(whole);
                JsonResponses.write(exchange, 200, JsonResponses.JSON, Map.of(),
                        Arrays.copyOf(body, Math.max(1, body.length / 2)));
            }
            case HTML -> JsonResponses.write(exchange, 200, "text/html; charset=utf-8", Map.of(), HTML_PAGE);
            case SLOW -> throw new IllegalArgumentException("a slow fault sends the real answer late");
        }
    }

    /** Whole seconds, 1 to 2 of them ahead: "now + 1 s" truncated could already be in the past on arrival. */
    private static String retryDate() {
        return HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusSeconds(2));
    }
}
