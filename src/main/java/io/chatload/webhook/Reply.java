package io.chatload.webhook;

/** What a receiver answers a delivery: an HTTP status and a small JSON body, without the request's headers. */
public record Reply(int status, String json) {
}
