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
import org.junit.jupiter.api.Test;

/** dlt's rest_api paginators, each on the answers of an API that pages its way, and the guard all of them share. */
class RestApiPaginatorsTest {

    private static final URI BASE = URI.create("http://127.0.0.1:8089/api");
    private static final URI TICKETS = URI.create("http://127.0.0.1:8089/api/tickets");
    private static final List<Map<String, Object>> ONE = List.of(Map.of("id", 1));
    private static final List<Map<String, Object>> TWO = List.of(Map.of("id", 1), Map.of("id", 2));

    private final List<String> warnings = new ArrayList<>();

    private Paginator create(String type, Map<String, String> settings) {
        return create(type, settings, 50);
    }

    private Paginator create(String type, Map<String, String> settings, int maxPages) {
        return Paginators.create(new PaginatorSpec(type, settings),
                new PagingContext(BASE, "page", "per_page", 2, maxPages, url -> true, warnings::add));
    }

    private static List<Map<String, Object>> ids(int from, int count) {
        return java.util.stream.IntStream.range(from, from + count).mapToObj(i -> Map.<String, Object>of("id", i)).toList();
    }

    @Test
    void jsonLinkFollowsTheUrlAtNextUrlPathAbsoluteOrRelativeUntilItIsMissing() {
        Paginator p = create("json_link", Map.of("nextUrlPath", "links.next"));
        URI first = p.first(TICKETS);
        assertEquals(TICKETS, first);
        URI second = p.next(first, Map.of("links", Map.of("next", "/api/tickets?after=2")), ONE);
        assertEquals(URI.create("http://127.0.0.1:8089/api/tickets?after=2"), second);
        URI third = p.next(second, Map.of("links", Map.of("next", "tickets?after=4")), ONE);
        assertEquals(URI.create("http://127.0.0.1:8089/api/tickets?after=4"), third, "relative to the page that named it");
        assertNull(p.next(third, Map.of("links", Map.of("next", "")), ONE));
        assertFalse(p.stoppedAtMaxPages());
        assertEquals(List.of(), warnings);
        Paginator byDefault = create("json_link", Map.of());
        assertEquals(URI.create("http://127.0.0.1:8089/api/tickets?p=2"),
                byDefault.next(TICKETS, Map.of("next", "http://127.0.0.1:8089/api/tickets?p=2"), ONE), "dlt's default path: next");
    }

    @Test
    void headerLinkFollowsTheLinkHeadersRelNext() {
        Paginator p = create("header_link", Map.of());
        Map<String, Object> headers = Map.of("link", "<http://127.0.0.1:8089/api/tickets?page=1>; rel=\"prev\", "
                + "<http://127.0.0.1:8089/api/tickets?page=3>; rel=\"next\"");
        assertEquals(URI.create("http://127.0.0.1:8089/api/tickets?page=3"), p.next(TICKETS, List.of(), ONE, headers));
        assertNull(p.next(URI.create(TICKETS + "?page=3"), List.of(), ONE,
                Map.of("Link", "<http://127.0.0.1:8089/api/tickets?page=2>; rel=\"prev\"")));
        Paginator other = create("header_link", Map.of("linksNextKey", "forward"));
        assertEquals(URI.create("http://127.0.0.1:8089/api/t2"),
                other.next(TICKETS, List.of(), ONE, Map.of("Link", "</api/t2>; rel=forward")));
    }

    @Test
    void offsetCountsByLimitUntilTheTotalOrAShortPage() {
        Paginator p = create("offset", Map.of("limit", "2", "totalPath", "meta.total"));
        URI first = p.first(TICKETS);
        assertEquals(URI.create(TICKETS + "?offset=0&limit=2"), first);
        URI second = p.next(first, Map.of("meta", Map.of("total", 5)), ids(1, 2));
        assertEquals(URI.create(TICKETS + "?limit=2&offset=2"), second);
        URI third = p.next(second, Map.of("meta", Map.of("total", 5)), ids(3, 2));
        assertEquals(URI.create(TICKETS + "?limit=2&offset=4"), third);
        assertNull(p.next(third, Map.of("meta", Map.of("total", 5)), ids(5, 1)), "offset 6 is past the total of 5");
        Paginator noTotal = create("offset", Map.of("offsetParam", "skip", "limitParam", "take", "limit", "2"));
        URI page = noTotal.first(TICKETS);
        assertEquals(URI.create(TICKETS + "?skip=0&take=2"), page);
        page = noTotal.next(page, List.of(), ids(1, 2));
        assertNull(noTotal.next(page, List.of(), ids(3, 1)), "a short page is the last");
        BadResponseException bad = assertThrows(BadResponseException.class,
                () -> create("offset", Map.of("totalPath", "total")).next(TICKETS, Map.of("total", "many"), TWO));
        assertEquals("the response has a string at 'total' where totalPath expects a number", bad.getMessage());
    }

    @Test
    void pageNumberTakesDltsSettings() {
        Paginator p = create("page_number", Map.of("basePage", "0", "totalPath", "total_pages"));
        URI first = p.first(TICKETS);
        assertEquals(URI.create(TICKETS + "?page=0&per_page=2"), first);
        URI second = p.next(first, Map.of("total_pages", 2), TWO);
        assertEquals(URI.create(TICKETS + "?per_page=2&page=1"), second);
        assertNull(p.next(second, Map.of("total_pages", 2), TWO), "pages 0 and 1 are the 2 pages");
        Paginator hasMore = create("page_number", Map.of("hasMorePath", "has_more"));
        URI page = hasMore.first(TICKETS);
        page = hasMore.next(page, Map.of("has_more", true), ONE);
        assertEquals(URI.create(TICKETS + "?per_page=2&page=2"), page, "has_more decides, not the short page");
        assertNull(hasMore.next(page, Map.of("has_more", false), TWO));
    }

    @Test
    void cursorSendsTheBodysCursorBackUntilThereIsNone() {
        Paginator p = create("cursor", Map.of("cursorPath", "meta.next_cursor", "cursorParam", "starting_after"));
        URI first = p.first(TICKETS);
        assertEquals(TICKETS, first);
        URI second = p.next(first, Map.of("meta", Map.of("next_cursor", "c2")), ONE);
        assertEquals(URI.create(TICKETS + "?starting_after=c2"), second);
        URI third = p.next(second, Map.of("meta", Map.of("next_cursor", "c3")), List.of());
        assertEquals(URI.create(TICKETS + "?starting_after=c3"), third, "an empty page does not end it by default, as dlt");
        assertNull(p.next(third, Map.of("meta", Map.of()), ONE));
        Paginator byDefault = create("cursor", Map.of());
        assertEquals(URI.create(TICKETS + "?cursor=x"), byDefault.next(TICKETS, Map.of("cursors", Map.of("next", "x")), ONE));
        assertNull(create("cursor", Map.of("hasMorePath", "more")).next(TICKETS,
                Map.of("cursors", Map.of("next", "x"), "more", false), ONE));
    }

    @Test
    void aRepeatedCursorIsARepeatedPageAndEndsTheRunWithAWarning() {
        Paginator p = create("cursor", Map.of());
        URI second = p.next(TICKETS, Map.of("cursors", Map.of("next", "x")), ONE);
        assertNull(p.next(second, Map.of("cursors", Map.of("next", "x")), ONE));
        assertTrue(p.stoppedAtMaxPages(), "the run is partial: no cursor claims the list");
        assertEquals(List.of("GET /api/tickets?cursor=x named /api/tickets?cursor=x as the next page, which this run "
                + "already read: the list ends there; check the API's paging"), warnings);
    }

    @Test
    void singlePageIsOnePageAndSingleIsItsOldName() {
        for (String name : List.of("single_page", "single")) {
            Paginator p = create(name, Map.of());
            assertEquals(TICKETS, p.first(TICKETS));
            assertNull(p.next(TICKETS, List.of(Map.of("id", 1)), ONE));
        }
    }

    @Test
    void autoDetectsInDltsOrder() {
        assertEquals(URI.create("http://127.0.0.1:8089/api/t?p=2"), create("auto", Map.of()).next(TICKETS,
                Map.of("next", "/api/t?p=2"), ONE, Map.of("Link", "</api/t?p=2>; rel=next")), "the Link header first");
        assertEquals(URI.create("http://127.0.0.1:8089/api/t?p=9"), create("auto", Map.of()).next(TICKETS,
                Map.of("paging", Map.of("next", Map.of("href", "http://127.0.0.1:8089/api/t?p=9"))), ONE), "then a next URL");
        assertEquals(URI.create(TICKETS + "?page=2"), create("auto", Map.of()).next(TICKETS,
                Map.of("meta", Map.of("total_pages", 3)), ONE), "then a page count");
        assertEquals(URI.create(TICKETS + "?cursor=abc"), create("auto", Map.of()).next(TICKETS,
                Map.of("next", "abc"), ONE), "then a cursor");
        assertNull(create("auto", Map.of()).next(TICKETS, Map.of("data", ONE), ONE), "else one page");
        assertEquals(List.of(), warnings);
    }

    @Test
    void aNextUrlOnAnotherHostOrWithUserInfoIsRefusedWithAWarning() {
        Paginator foreign = create("json_link", Map.of());
        assertNull(foreign.next(TICKETS, Map.of("next", "https://evil.example/api/tickets?page=2"), ONE));
        assertTrue(foreign.stoppedAtMaxPages());
        Paginator port = create("json_link", Map.of());
        assertNull(port.next(TICKETS, Map.of("next", "http://127.0.0.1:9999/api/tickets?page=2"), ONE));
        Paginator userInfo = create("header_link", Map.of());
        assertNull(userInfo.next(TICKETS, List.of(), ONE, Map.of("Link", "<http://u:pw@127.0.0.1:8089/api/t>; rel=next")));
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("GET /api/tickets named a next page on another host (evil.example): only "
                + "http://127.0.0.1:8089 is followed"), warnings.get(0));
        assertFalse(warnings.get(2).contains("pw"), "user-info is as secret as a token: " + warnings.get(2));
    }

    @Test
    void everyPaginatorStopsAtMaxPagesWithAWarning() {
        Paginator p = create("json_link", Map.of(), 2);
        URI second = p.next(TICKETS, Map.of("next", "/api/tickets?page=2"), ONE);
        assertEquals(URI.create("http://127.0.0.1:8089/api/tickets?page=2"), second);
        assertNull(p.next(second, Map.of("next", "/api/tickets?page=3"), ONE));
        assertTrue(p.stoppedAtMaxPages());
        assertEquals(List.of("stopped after 2 pages: raise the resource's maxPages if the list is really that long"), warnings);
    }

    @Test
    void aNextPageThePaginatorDoesNotFollowIsAWarningAndThePartIsNotComplete() {
        Paginator single = create("single_page", Map.of());
        assertNull(single.next(TICKETS, Map.of("data", TWO, "links", Map.of("next", "/api/tickets?page=2")), TWO));
        assertTrue(single.stoppedAtMaxPages(), "no cursor may claim the list");
        Paginator pages = create("page_number", Map.of());
        assertNull(pages.next(URI.create(TICKETS + "?page=1&per_page=2"), Map.of("next", Map.of("url", "/x")), ONE));
        Paginator header = create("json_link", Map.of());
        assertNull(header.next(TICKETS, Map.of(), ONE, Map.of("Link", "</api/tickets?page=2>; rel=\"next\"")));
        assertEquals(List.of("GET /api/tickets names a next page (links.next) that paginator single_page does not follow, "
                        + "so the list may be incomplete and no cursor moves: set the resource's paginator to one that "
                        + "follows it, e.g. json_link with nextUrlPath links.next",
                "GET /api/tickets?page=1&per_page=2 names a next page (next.url) that paginator page_number does not "
                        + "follow, so the list may be incomplete and no cursor moves: set the resource's paginator to one "
                        + "that follows it, e.g. json_link with nextUrlPath next.url",
                "GET /api/tickets names a next page (the Link header) that paginator json_link does not follow, so the "
                        + "list may be incomplete and no cursor moves: set the resource's paginator to one that follows "
                        + "it, e.g. header_link"),
                warnings);
    }

    @Test
    void badSettingsFailWhenTheFileIsRead() {
        assertEquals("limit '0' must be a whole number of at least 1",
                assertThrows(IllegalArgumentException.class, () -> new PaginatorSpec("offset", Map.of("limit", "0"))).getMessage());
        assertEquals("nextUrlPath 'links[0]' is not a dotted field path such as links.next",
                assertThrows(IllegalArgumentException.class,
                        () -> new PaginatorSpec("json_link", Map.of("nextUrlPath", "links[0]"))).getMessage());
    }
}
