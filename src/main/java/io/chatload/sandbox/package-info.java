/**
 * A local stand-in for the Chaport and Chatforma APIs, so tests, benchmarks and the demo run without the internet.
 *
 * <p>{@link io.chatload.sandbox.SandboxServer#start} generates a {@link io.chatload.sandbox.SandboxData} from the
 * seed of a {@link io.chatload.sandbox.SandboxConfig} and serves it on 127.0.0.1:
 * <ul>
 *   <li>Chaport under {@code /chaport/api/v1} with {@code Authorization: Bearer <chaportToken>}:
 *       {@code GET /operators}, {@code /operators/{id}}, {@code /visitors?page=N} (with {@code links.next} while
 *       more pages exist), {@code /visitors/{id}}; errors as {@code {"error":{"code":..,"message":..}}}.</li>
 *   <li>Chatforma under {@code /chatforma/public/v1} with an {@code api_key} header or query parameter:
 *       {@code GET /bots}; errors as {@code {"message":..}}.</li>
 *   <li>Control, without credentials: {@code GET /_sandbox/stats} (request counts per path pattern) and
 *       {@code GET /_sandbox/truth} (every record served).</li>
 * </ul>
 * A new endpoint is one more route in {@code ChaportApi} or {@code ChatformaApi}, and its data one more generator
 * feeding {@code SandboxData}.
 */
package io.chatload.sandbox;
