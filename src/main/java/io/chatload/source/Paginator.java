package io.chatload.source;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Decides the pages of one resource run. One instance per run, so a paginator may remember what it has seen. */
public interface Paginator {

    /** The URL of the first page, given the resource's URL: by default that URL itself. */
    default URI first(URI resourceUrl) {
        return resourceUrl;
    }

    /** The URL of the page after {@code current}, or {@code null} when the resource is complete. */
    URI next(URI current, Object body, List<Map<String, Object>> records);

    /**
     * The same, seeing the response's headers too ({@code header_link} reads {@code Link}); header names in any case.
     * By default the headers are not needed.
     */
    default URI next(URI current, Object body, List<Map<String, Object>> records, Map<String, ?> headers) {
        return next(current, body, records);
    }

    /**
     * Whether {@code page}, which the API answered 404, is left out alone while the run goes on with
     * {@link #afterNotFound}: true for a URL an earlier answer named (its record is gone, not the list). By default a
     * 404 ends the run.
     */
    default boolean skipsNotFound(URI page) {
        return false;
    }

    /** The page after {@code page}, which the API answered 404 and the run left out, or {@code null} when none is left. */
    default URI afterNotFound(URI page) {
        return null;
    }

    /**
     * Whether the run stopped with pages left (at {@code maxPages}, at a next page it refused or does not follow): it
     * covers only part of what it was asked for, so no cursor may claim the whole (its parent's included), and the
     * next run asks again.
     */
    default boolean stoppedAtMaxPages() {
        return false;
    }
}
