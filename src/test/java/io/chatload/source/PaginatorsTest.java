package io.chatload.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaginatorsTest {

    private static final URI VISITORS = URI.create("http://127.0.0.1:8089/chaport/api/v1/visitors");
    private static final List<Map<String, Object>> ONE = List.of(Map.of("id", "a"));

    @Test
    void linksNextStartsAtPageOneAndCountsUpWhileLinksNextIsPresent() {
        Paginator p = Paginators.create("links_next", "page");
        URI first = p.first(VISITORS);
        assertEquals(URI.create(VISITORS + "?page=1"), first);
        Map<String, Object> body = Map.of("result", ONE, "links", Map.of("next", "/api/v1/visitors?page=2"));
        assertEquals(URI.create(VISITORS + "?page=2"), p.next(first, body, ONE));
    }

    @Test
    void linksNextInAnyFormOnlySignalsAnotherPage() {
        Paginator p = Paginators.create("links_next", "page");
        URI page3 = URI.create(VISITORS + "?page=3");
        for (Object next : List.of("https://elsewhere.example/x?page=99", 4, "?page=4")) {
            assertEquals(URI.create(VISITORS + "?page=4"), p.next(page3, Map.of("links", Map.of("next", next)), ONE));
        }
    }

    @Test
    void linksNextStopsWithoutALinkOrOnAnEmptyPage() {
        Paginator p = Paginators.create("links_next", "page");
        URI page = URI.create(VISITORS + "?page=2");
        assertNull(p.next(page, Map.of("result", ONE), ONE));
        assertNull(p.next(page, Map.of("result", ONE, "links", Map.of()), ONE));
        assertNull(p.next(page, Map.of("result", ONE, "links", Map.of("next", "")), ONE));
        assertNull(p.next(page, Map.of("result", List.of(), "links", Map.of("next", "x")), List.of()));
    }

    @Test
    void singleIsOnePage() {
        Paginator p = Paginators.create("single", "page");
        assertEquals(VISITORS, p.first(VISITORS));
        assertNull(p.next(VISITORS, Map.of("links", Map.of("next", "x")), ONE));
    }

    @Test
    void anUnknownPaginatorNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Paginators.validate("cursor"));
        assertEquals("unknown paginator 'cursor': use one of single, links_next", e.getMessage());
    }
}
