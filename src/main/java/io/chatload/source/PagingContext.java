package io.chatload.source;

import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a paginator may need from its run: the API's base URL (for relative links and the origin check), the page
 * parameters, which follow-up URLs are still wanted, and where warnings go.
 */
public record PagingContext(URI baseUrl, String pageParam, String pageSizeParam, int pageSize, int maxPages,
                            Predicate<URI> wanted, Consumer<String> warnings) {
}
