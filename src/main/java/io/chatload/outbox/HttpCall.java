package io.chatload.outbox;

import java.util.Map;

/** The POST a row becomes: a path under the source's base URL and a JSON body. */
public record HttpCall(String path, Map<String, Object> body) {
}
