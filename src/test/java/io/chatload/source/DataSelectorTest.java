package io.chatload.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataSelectorTest {

    private static final Map<String, Object> A = Map.of("id", "a");
    private static final Map<String, Object> B = Map.of("id", "b");

    @Test
    void selectsTheListUnderAField() {
        assertEquals(List.of(A, B), DataSelector.parse("result").select(Map.of("result", List.of(A, B))));
    }

    @Test
    void aSingleObjectIsOneRecord() {
        assertEquals(List.of(A), DataSelector.parse("result").select(Map.of("result", A)));
    }

    @Test
    void followsADottedPath() {
        assertEquals(List.of(B), DataSelector.parse("data.items").select(Map.of("data", Map.of("items", List.of(B)))));
    }

    @Test
    void dollarIsTheWholeBody() {
        assertEquals(List.of(A, B), DataSelector.parse("$").select(List.of(A, B)));
    }

    @Test
    void autoAcceptsABareArrayOrAnEnvelope() {
        DataSelector auto = DataSelector.parse("auto");
        assertEquals(List.of(A), auto.select(List.of(A)));
        assertEquals(List.of(A), auto.select(Map.of("data", List.of(A), "meta", Map.of("page", 1))));
        assertEquals(List.of(B), auto.select(Map.of("result", List.of(B))));
    }

    @Test
    void anEmptyListIsNoRecords() {
        assertEquals(List.of(), DataSelector.parse("result").select(Map.of("result", List.of())));
    }

    @Test
    void anExplicitNullIsNoRecords() {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("result", null);
        assertEquals(List.of(), DataSelector.parse("result").select(body));
    }

    @Test
    void aPagedListRefusesANullOrASingleObject() {
        Map<String, Object> nullResult = new java.util.HashMap<>();
        nullResult.put("result", null);
        DataSelector result = DataSelector.parse("result");
        assertEquals("the response has nothing (null or missing) at 'result' where this paged list endpoint needs a list",
                assertThrows(BadResponseException.class, () -> result.select(nullResult, true)).getMessage());
        assertEquals("the response has an object at 'result' where this paged list endpoint needs a list",
                assertThrows(BadResponseException.class, () -> result.select(Map.of("result", A), true)).getMessage());
        assertEquals(List.of(A), result.select(Map.of("result", List.of(A)), true));
    }

    @Test
    void aMissingSelectionSaysWhatWasFound() {
        BadResponseException missing = assertThrows(BadResponseException.class,
                () -> DataSelector.parse("result").select(Map.of("error", "x")));
        assertTrue(missing.getMessage().contains("nothing (null or missing) at 'result'"), missing.getMessage());
        BadResponseException scalar = assertThrows(BadResponseException.class,
                () -> DataSelector.parse("result").select(Map.of("result", "oops")));
        assertTrue(scalar.getMessage().contains("a string at 'result'"), scalar.getMessage());
    }

    @Test
    void aListOfScalarsIsNotRecords() {
        BadResponseException e = assertThrows(BadResponseException.class,
                () -> DataSelector.parse("result").select(Map.of("result", List.of(1, 2))));
        assertTrue(e.getMessage().contains("a number where an object was expected"), e.getMessage());
    }

    @Test
    void rejectsSelectorsThatAreNotPaths() {
        assertThrows(IllegalArgumentException.class, () -> DataSelector.parse("result[0]"));
    }
}
