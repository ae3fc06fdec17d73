package io.chatload.source;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Decides the pages of one resource run. One instance per run, so a paginator may remember what it has seen. */
public interface Paginator {

    /** The URL of the first page, given the resource's URL. */
    URI first(URI resourceUrl);

    /** The URL of the page after {@code current}, or {@code null} when the resource is complete. */
    URI next(URI current, Object body, List<Map<String, Object>> records);
}
