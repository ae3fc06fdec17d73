package io.chatload.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class PaginatorsTest {

    private static final URI VISITORS = URI.create("http://127.0.0.1:8089/chaport/api/v1/visitors");
    private static final List<Map<String, Object>> ONE = List.of(Map.of("id", "a"));

    @Test
    void linksNextStartsAtPageOneAndCountsUpWhileLinksNextIsPresent() {
        Paginator p = Paginators.create("links_next", context(url -> true));
        URI first = p.first(VISITORS);
        assertEquals(URI.create(VISITORS + "?page=1"), first);
        Map<String, Object> body = Map.of("result", ONE, "links", Map.of("next", "/api/v1/visitors?page=2"));
        assertEquals(URI.create(VISITORS + "?page=2"), p.next(first, body, ONE));
    }

    @Test
    void linksNextInAnyFormOnlySignalsAnotherPage() {
        URI page2 = URI.create(VISITORS + "?page=2"); // below the context's maxPages (3)
        for (Object next : List.of("https://elsewhere.example/x?page=99", 4, "?page=4")) {
            Paginator p = Paginators.create("links_next", context(url -> true)); // one page each: no repeat
            assertEquals(URI.create(VISITORS + "?page=3"), p.next(page2, Map.of("links", Map.of("next", next)), ONE));
        }
    }

    @Test
    void linksNextStopsWithoutALinkOrOnAnEmptyPage() {
        Paginator p = Paginators.create("links_next", context(url -> true));
        URI page = URI.create(VISITORS + "?page=2");
        assertNull(p.next(page, Map.of("result", ONE), ONE));
        assertNull(p.next(page, Map.of("result", ONE, "links", Map.of()), ONE));
        assertNull(p.next(page, Map.of("result", ONE, "links", Map.of("next", "")), ONE));
        assertNull(p.next(page, Map.of("result", List.of(), "links", Map.of("next", "x")), List.of()));
    }

    @Test
    void singleIsOnePage() {
        Paginator p = Paginators.create("single", context(url -> true));
        assertEquals(VISITORS, p.first(VISITORS));
        assertNull(p.next(VISITORS, Map.of("links", Map.of("next", "x")), ONE));
    }

    private final List<String> warnings = new ArrayList<>();

    private PagingContext context(Predicate<URI> wanted) {
        return new PagingContext(URI.create("http://127.0.0.1:8089/chaport/api/v1"), "page", "per_page", 2, 3, wanted,
                warnings::add);
    }

    @Test
    void linksMoreFollowsEachOlderChatOnTheSameOriginOnce() {
        Paginator p = Paginators.create("links_more", context(url -> true));
        URI latest = URI.create("http://127.0.0.1:8089/chaport/api/v1/visitors/v1/chats");
        assertEquals(latest, p.first(latest));
        Map<String, Object> body = Map.of("result", Map.of("id", 42), "links", Map.of("more", List.of(
                "http://127.0.0.1:8089/chaport/api/v1/visitors/v1/chats/41",
                "/chaport/api/v1/visitors/v1/chats/37",
                "http://127.0.0.1:8089/chaport/api/v1/visitors/v1/chats/41",
                "https://evil.example/chaport/api/v1/visitors/v1/chats/36",
                "http://127.0.0.1:9999/chaport/api/v1/visitors/v1/chats/35")));
        URI second = p.next(latest, body, ONE);
        assertEquals(URI.create("http://127.0.0.1:8089/chaport/api/v1/visitors/v1/chats/41"), second);
        URI third = p.next(second, Map.of("result", Map.of("id", 41)), ONE);
        assertEquals(URI.create("http://127.0.0.1:8089/chaport/api/v1/visitors/v1/chats/37"), third);
        assertNull(p.next(third, Map.of("result", Map.of("id", 37), "links", Map.of("more", List.of("http://127.0.0.1:8089/x"))), ONE),
                "only the first response's links.more are followed");
        assertEquals(List.of(
                "skipped a links.more URL on another host (evil.example): only http://127.0.0.1:8089 is followed",
                "skipped a links.more URL on another host (127.0.0.1): only http://127.0.0.1:8089 is followed"), warnings);
    }

    @Test
    void linksMoreSkipsWhatTheRunAlreadyHasAndStopsWithoutLinks() {
        Paginator p = Paginators.create("links_more", context(url -> !url.getPath().endsWith("/41")));
        URI latest = URI.create("http://127.0.0.1:8089/chaport/api/v1/visitors/v1/chats");
        p.first(latest);
        URI next = p.next(latest, Map.of("links", Map.of("more", List.of("/chaport/api/v1/visitors/v1/chats/41",
                "/chaport/api/v1/visitors/v1/chats/40"))), ONE);
        assertEquals(URI.create("http://127.0.0.1:8089/chaport/api/v1/visitors/v1/chats/40"), next);
        Paginator none = Paginators.create("links_more", context(url -> true));
        none.first(latest);
        assertNull(none.next(latest, Map.of("result", Map.of("id", 1)), ONE));
    }

    private static List<Map<String, Object>> ids(Object... ids) {
        return java.util.Arrays.stream(ids).map(id -> Map.<String, Object>of("id", id)).toList();
    }

    @Test
    void pageNumberCountsPagesUntilAShortOrEmptyPage() {
        Paginator p = Paginators.create("page_number", context(url -> true));
        URI first = p.first(URI.create("http://h/bots/7/users?deleted=1"));
        assertEquals(URI.create("http://h/bots/7/users?deleted=1&page=1&per_page=2"), first);
        URI second = p.next(first, List.of(), ids(1, 2));
        assertEquals(URI.create("http://h/bots/7/users?deleted=1&per_page=2&page=2"), second);
        assertNull(p.next(second, List.of(), ids(3)), "a short page is the last");
        assertNull(Paginators.create("page_number", context(url -> true)).next(first, List.of(), ids()), "an empty page ends");
    }

    @Test
    void pageNumberStopsWhenTheServerIgnoresThePageOrAtTheCap() {
        Paginator ignoring = Paginators.create("page_number", context(url -> true));
        URI first = ignoring.first(URI.create("http://h/x"));
        URI second = ignoring.next(first, List.of(), ids(1, 2));
        assertNull(ignoring.next(second, List.of(), ids(1, 2)), "page 2 repeats page 1");
        assertFalse(ignoring.stoppedAtMaxPages(), "a repeated page ends the list, it does not cut it");
        Paginator capped = Paginators.create("page_number", context(url -> true));
        URI page = capped.first(URI.create("http://h/x"));
        page = capped.next(page, List.of(), ids(1, 2));
        page = capped.next(page, List.of(), ids(3, 4));
        assertNull(capped.next(page, List.of(), ids(5, 6)));
        assertTrue(capped.stoppedAtMaxPages(), "pages were left: no cursor may claim the list");
        assertEquals(List.of("the API answered /x?per_page=2&page=2 with the previous page again (it ignores page): only "
                + "the first page is loaded; lower pageSize or check the API",
                "stopped after 3 pages of 2: raise the resource's maxPages if the list is really that long"), warnings);
    }

    @Test
    void anUnknownPaginatorNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Paginators.validate("json_links"));
        assertEquals("unknown paginator 'json_links': use one of single_page, single, json_link, header_link, offset, "
                + "page_number, cursor, auto, links_next, links_more", e.getMessage());
    }

    @Test
    void linksNextEndsWithAWarningWhenTheServerRepeatsThePageOrAtMaxPages() {
        List<String> warnings = new java.util.ArrayList<>();
        Paginator p = Paginators.create("links_next", new PagingContext(URI.create("http://127.0.0.1:8089/chaport/api/v1"),
                "page", "per_page", 2, 3, url -> true, warnings::add));
        Map<String, Object> body = Map.of("links", Map.of("next", "x"));
        URI page2 = p.next(URI.create(VISITORS + "?page=1"), body, ONE);
        assertEquals(URI.create(VISITORS + "?page=2"), page2);
        assertEquals(null, p.next(page2, body, ONE), "the same records again: the server ignores page");
        assertEquals(1, warnings.size());
        Paginator q = Paginators.create("links_next", new PagingContext(URI.create("http://127.0.0.1:8089/chaport/api/v1"),
                "page", "per_page", 2, 3, url -> true, warnings::add));
        assertEquals(null, q.next(URI.create(VISITORS + "?page=3"), body, ONE), "maxPages = 3");
        assertTrue(warnings.get(1).startsWith("stopped after 3 pages"), warnings.toString());
        assertFalse(p.stoppedAtMaxPages());
        assertTrue(q.stoppedAtMaxPages());
    }
}
