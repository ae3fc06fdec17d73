package io.chatload.load;

import java.util.List;

/** A JSON record as rows: the root row first, then its child-table rows. */
record FlatRecord(String rootId, List<FlatRow> rows) {
}
