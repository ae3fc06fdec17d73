package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a merge may insert a row plainly: only when its key surely has no stored row. */
class StoredRootsTest {

    @Test
    void onlyTextAndIntegerKeysNotFoundCountAsSurelyNew() {
        RowWrites.StoredRoots stored = new RowWrites.StoredRoots(List.of("id1"), Set.of(List.of("a", 1L)), true);
        assertTrue(stored.surelyNew(List.of("b", 1L)), "text and integer, not stored");
        assertFalse(stored.surelyNew(List.of("a", 1L)), "stored");
        assertFalse(stored.surelyNew(List.of("b", new BigDecimal("1.0"))), "a decimal may equal a stored 1");
        assertFalse(new RowWrites.StoredRoots(List.of(), Set.of(), false).surelyNew(List.of("b", 1L)),
                "stored keys that Java compares otherwise than the database");
        assertFalse(RowWrites.StoredRoots.NOT_LOOKED_UP.surelyNew(List.of("b", 1L)), "not looked up");
    }
}
