package io.chatload.sandbox;

import java.util.Optional;

/**
 * One simulated API mounted under a path prefix: its routes, how it checks credentials and how it words errors.
 * Each API keeps its error body shape in one place, because the real shapes are partly guessed and may change.
 */
interface Api {

    /** Where the API is mounted, e.g. "/chaport/api/v1"; "" for the root. */
    String prefix();

    Router router();

    /** The answer to a request without valid credentials, or empty when the request may proceed. */
    Optional<Response> deny(ApiRequest request);

    Response error(int status, String message);
}
