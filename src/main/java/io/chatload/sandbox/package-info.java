/**
 * A local stand-in for the Chaport and Chatforma APIs, so tests, benchmarks and the demo run without the internet.
 *
 * <p>{@link io.chatload.sandbox.SandboxServer#start} generates a {@link io.chatload.sandbox.SandboxData} from the
 * seed of a {@link io.chatload.sandbox.SandboxConfig} and serves it on 127.0.0.1:
 * <ul>
 *   <li>Chaport under {@code /chaport/api/v1} with {@code Authorization: Bearer <chaportToken>}; success bodies are
 *       {@code {"result": ...}}, errors {@code {"error":{"code":..,"message":..}}}:
 *     <ul>
 *       <li>{@code GET /operators}, {@code /operators/{id}}, {@code /visitors?page=N} (most recent chat first, with
 *           {@code links.next} while more pages exist), {@code /visitors/{id}}.</li>
 *       <li>{@code GET /visitors/{id}/chats}: the latest chat as {@code result}, and {@code links.more} with the URLs
 *           of the older chats, newest first (omitted when there are none). A visitor without chats (about one in
 *           25: their chats were deleted, their {@code lastChatAt} stays) gets {@code {"result": null}}.
 *           {@code GET /visitors/{id}/chats/{chatId}} and {@code .../events} (chronological). Chat ids are integers
 *           unique in the account, counting up from 1000 in start order; event ids are "evt-1", "evt-2", ... within
 *           a chat. A visitor's {@code lastChatAt} is its latest chat's last event time.</li>
 *       <li>{@code GET/POST /events/subscriptions}, {@code GET/PUT/DELETE /events/subscriptions/{id}}: webhook
 *           subscriptions, two to start with; nothing is ever delivered.</li>
 *       <li>{@code POST /messages}: appends an operator message to the visitor's latest chat (reopening it if it was
 *           closed) or starts a chat; a repeated {@code externalId} for the same visitor changes nothing and answers
 *           the first event.</li>
 *     </ul></li>
 *   <li>Chatforma under {@code /chatforma/public/v1} with the key in an {@code api_key} header or query parameter;
 *       lists are bare arrays, errors {@code {"message":..}} (403 Forbidden without a valid key, 404 Not found for
 *       unknown bots, dialogs and segments):
 *     <ul>
 *       <li>{@code GET /bots}, {@code /forms?botId=} (alias {@code /bots/{botId}/forms}),
 *           {@code /bots/{botId}/segments}, {@code /bots/{botId}/messages} (predefined messages), unpaged.</li>
 *       <li>Paged by {@code page} (from 1) and {@code per_page} (default 20, clamped to a maximum):
 *           {@code /bots/{botId}/users} (live users; {@code deleted=1} for the deleted ones),
 *           {@code /bots/{botId}/dialogs/users} (alias {@code /bots/{botId}/dialogs}; most recent message first),
 *           {@code /bots/{botId}/dialogs/{botUserId}/messages} (newest first; the real order is unknown).</li>
 *       <li>{@code POST /bots/{botId}/segments/{segmentId}/dispatch} with {@code {"content": ..}}; segment 0 is all
 *           users. Dispatches are recorded, not delivered.</li>
 *     </ul></li>
 *   <li>Control, without credentials and never faulted: {@code GET /_sandbox/stats} (request counts per path
 *       pattern, faulted requests included), {@code GET /_sandbox/faults} (faults injected per kind, as
 *       {@link io.chatload.sandbox.SandboxServer#faults()}) and {@code GET /_sandbox/truth} (every record served, as
 *       {@link io.chatload.sandbox.SandboxData#truth()}).</li>
 * </ul>
 *
 * <p>Switches in the config make the APIs show the quirks a loader must survive:
 * {@link io.chatload.sandbox.LinksStyle} (absolute or host-relative {@code links.next}/{@code links.more}), a foreign
 * link host (every visitor whose id hashes to 0 mod 5 and who has older chats gets a second {@code links.more} entry
 * on that host, for chat 999999, which is in no truth), the Chatforma {@link io.chatload.sandbox.ChatformaEnvelope},
 * a Chatforma server that ignores {@code page}, its maximum {@code per_page}, and Chatforma Bearer auth.
 *
 * <p>Faults ({@link io.chatload.sandbox.SandboxFaults}, {@code --faults 5xx=0.10,429=0.05,reset=0.02,...}) fail
 * a share of API requests on purpose, so that a loader's retries and error handling can be tested:
 * <ul>
 *   <li>{@code 5xx}: 500 or 503 with the API's own error body; {@code 429}: Too Many Requests, half with
 *       {@code Retry-After: 1} and half without; {@code 429date}: 429 with {@code Retry-After} as an HTTP-date 1 to 2
 *       seconds ahead.</li>
 *   <li>{@code reset}: the connection closes before any answer (the JDK client reports "header parser received no
 *       bytes" and quietly resends a GET once; Apache HttpClient a {@code NoHttpResponseException}).</li>
 *   <li>{@code slow}: the real answer after {@code slowMs} (default 65 s, past a 60 s read timeout). It waits on a
 *       scheduler, not on one of the server's threads, so slow answers never hold up other requests.</li>
 *   <li>{@code truncated}: status 200, JSON content type and the first half of the real body, its length set to
 *       match; {@code html}: status 200 with a proxy's HTML error page.</li>
 * </ul>
 * Which requests fault depends only on the seed, the request's method, raw path and query, and how many times that
 * same request was made before (since the faults were last set): a retry draws anew and may succeed, the same
 * request sequence faults the same way on every run, and the order of concurrent requests for different URLs does
 * not matter ({@code FaultPlan}). A faulted request never changes data, except a slow write,
 * which is applied when its late answer is sent, whether or not the client still waits: the real risk of a write
 * that timed out. {@link io.chatload.sandbox.SandboxServer#setFaults} changes or ({@code SandboxFaults.NONE}) ends
 * the faults at runtime, e.g. for a test's verification phase.
 *
 * <p>Data changes while the sandbox runs only through the write endpoints above and the mutation methods of
 * {@code SandboxData}; both are thread-safe and take their times from a clock that starts at 2026-01-01, after all
 * generated data. A new endpoint is one more route in {@code ChaportApi} or {@code ChatformaApi} (or an endpoint
 * class they mount), and its data one more generator feeding {@code SandboxData}, drawing from its own named random
 * stream so that existing data for a seed stays the same.
 */
package io.chatload.sandbox;
