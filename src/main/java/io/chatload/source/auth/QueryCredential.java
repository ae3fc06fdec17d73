package io.chatload.source.auth;

import io.chatload.source.urls.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hc.core5.http.HttpRequest;

/**
 * An API key as a query parameter ({@code ?api_key=...}). Added on the wire only: the URLs chatload keeps for its
 * messages, warnings and paging never hold it.
 */
record QueryCredential(String param, String value) implements Authenticator {

    @Override
    public void authenticate(HttpRequest request) {
        try {
            URI uri = request.getUri();
            request.setUri(Urls.withQueryParam(uri, param, value));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the request URL is not valid, so " + param + " cannot be added to it");
        }
    }

    @Override
    public String toString() {
        return "QueryCredential[" + param + "]";
    }
}
