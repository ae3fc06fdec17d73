package io.chatload.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** links.more: what a 404 leaves out, where maxPages stops a long list, and which links are refused. */
class LinksMorePaginatorTest {

    private static final URI BASE = URI.create("http://127.0.0.1:8089/chaport/api/v1");
    private static final URI LATEST = URI.create(BASE + "/visitors/v1/chats");
    private static final List<Map<String, Object>> ONE = List.of(Map.of("id", 1));

    private final List<String> warnings = new ArrayList<>();

    private Paginator paginator(int maxPages, Predicate<URI> wanted) {
        Paginator p = Paginators.create("links_more", new PagingContext(BASE, "page", "per_page", 100, maxPages, wanted,
                warnings::add));
        assertEquals(LATEST, p.first(LATEST));
        return p;
    }

    private static URI chat(int id) {
        return URI.create(LATEST + "/" + id);
    }

    private static Map<String, Object> more(Stream<String> links) {
        return Map.of("result", Map.of("id", 1), "links", Map.of("more", links.toList()));
    }

    private static Map<String, Object> more(int... ids) {
        return more(IntStream.of(ids).mapToObj(id -> chat(id).toString()));
    }

    @Test
    void aFollowUpThatAnswers404IsLeftOutAloneAndTheNextUrlFollows() {
        Paginator p = paginator(10, url -> true);
        assertFalse(p.skipsNotFound(LATEST), "a 404 on the first page: the parent itself is gone");
        URI second = p.next(LATEST, more(2, 3), ONE);
        assertEquals(chat(2), second);
        assertTrue(p.skipsNotFound(second));
        assertEquals(chat(3), p.afterNotFound(second));
        assertTrue(p.skipsNotFound(chat(3)));
        assertNull(p.afterNotFound(chat(3)), "nothing left after the last URL");
        assertFalse(p.stoppedAtMaxPages());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aListLongerThanMaxPagesStopsThereWithOneWarning() {
        Paginator p = paginator(5, url -> true);
        List<URI> fetched = new ArrayList<>();
        URI page = p.next(LATEST, more(IntStream.rangeClosed(2, 12_001).toArray()), ONE);
        while (page != null) {
            fetched.add(page);
            page = p.next(page, Map.of("result", Map.of("id", 0)), ONE);
        }
        assertEquals(List.of(chat(2), chat(3), chat(4), chat(5)), fetched, "the first page and four follow-ups");
        assertTrue(p.stoppedAtMaxPages());
        assertEquals(List.of("GET /chaport/api/v1/visitors/v1/chats named 12000 links.more URLs: stopped after 5 pages, "
                + "the rest are asked for next run; raise the resource's maxPages if the list is really that long"), warnings);
    }

    @Test
    void aListThatFitsMaxPagesExactlyIsComplete() {
        Paginator p = paginator(3, url -> true);
        assertEquals(chat(2), p.next(LATEST, more(2, 3), ONE));
        assertEquals(chat(3), p.next(chat(2), Map.of(), ONE));
        assertNull(p.next(chat(3), Map.of(), ONE));
        assertFalse(p.stoppedAtMaxPages());
        assertEquals(List.of(), warnings);
    }

    @Test
    void urlsTheRunAlreadyHoldsDoNotCountAgainstMaxPages() {
        Paginator p = paginator(3, url -> !url.getPath().endsWith("/2") && !url.getPath().endsWith("/3"));
        assertEquals(chat(4), p.next(LATEST, more(2, 3, 4, 5), ONE));
        assertEquals(chat(5), p.next(chat(4), Map.of(), ONE));
        assertNull(p.next(chat(5), Map.of(), ONE));
        assertFalse(p.stoppedAtMaxPages(), "two chats were wanted, two fetched");
    }

    @Test
    void linksPastTheCapAreNotLookedAt() {
        Paginator p = paginator(2, url -> true);
        p.next(LATEST, more(Stream.concat(Stream.of(chat(2).toString(), chat(3).toString()),
                Stream.generate(() -> "http://[bad").limit(10_000))), ONE);
        assertEquals(1, warnings.size(), "only the cap's warning, not ten thousand 'not a URL': " + warnings);
    }

    @Test
    void aSameHostLinkWithUserInfoIsRefusedWithAWarningThatLeavesTheCredentialOut() {
        Paginator p = paginator(10, url -> true);
        URI next = p.next(LATEST, more(Stream.of("http://someone:hunter2@127.0.0.1:8089/chaport/api/v1/visitors/v1/chats/2",
                "http://someone@127.0.0.1:8089/chaport/api/v1/visitors/v1/chats/3", chat(4).toString())), ONE);
        assertEquals(chat(4), next, "the plain link is followed");
        assertNull(p.next(next, Map.of(), ONE));
        assertEquals(List.of(
                "skipped a links.more URL with user-info (/chaport/api/v1/visitors/v1/chats/2): only http://127.0.0.1:8089 "
                        + "without user-info is followed",
                "skipped a links.more URL with user-info (/chaport/api/v1/visitors/v1/chats/3): only http://127.0.0.1:8089 "
                        + "without user-info is followed"), warnings);
        assertFalse(String.join("\n", warnings).contains("hunter2") || String.join("\n", warnings).contains("someone"));
    }
}
