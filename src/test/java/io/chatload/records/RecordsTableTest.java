package io.chatload.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordsTableTest {

    @Test
    void aNameIsAFirstPartAndATable() {
        assertArrayEquals(new String[] {"chaport", "chats"}, RecordsTable.parts("chaport.chats"));
        assertArrayEquals(new String[] {"chaport_data", "chats"}, RecordsTable.parts("chaport_data.chats"));
    }

    @Test
    void otherNamesAreRefusedWithTheFormThatWorks() {
        for (String wrong : new String[] {"chats", "a.b.c", ".chats", "chaport.", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordsTable.parts(wrong));
            assertTrue(e.getMessage().contains("chatload:chaport.chats"), e.getMessage());
        }
    }

    @Test
    void childAndBookkeepingTablesAreNotRecords() {
        for (String wrong : new String[] {"chaport.chats__operators", "chaport._dlt_loads", "chaport._chatload_consumers"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordsTable.parts(wrong));
            assertTrue(e.getMessage().contains("not a root table"), e.getMessage());
        }
    }
}
