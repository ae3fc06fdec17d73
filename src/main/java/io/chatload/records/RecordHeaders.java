package io.chatload.records;

/** The headers of each record a {@code chatload:} consumer emits. */
public final class RecordHeaders {
    /** The load that wrote the row: its {@code _dlt_load_id}. */
    public static final String LOAD_ID = "ChatloadLoadId";
    /**
     * How that load ended: COMPLETED, FAILED (the batches it committed before failing), or ABANDONED (RUNNING for
     * longer than the endpoint's {@code runningTimeout}: emitted again, whole, should it end after all).
     */
    public static final String LOAD_STATUS = "ChatloadLoadStatus";
    /** The dlt schema ({@code chaport_data}) and the root table ({@code chats}). */
    public static final String SCHEMA = "ChatloadSchema";
    public static final String TABLE = "ChatloadTable";
    /** The row's {@code _dlt_id}: on a merge table a digest of its primary key, so the same record keeps it. */
    public static final String DLT_ID = "ChatloadDltId";
    /** The primary key's values joined by commas, in key order ({@code visitor_id,id}); absent for an append table. */
    public static final String PRIMARY_KEY = "ChatloadPrimaryKey";
    /** The consumer whose position the record moves. */
    public static final String CONSUMER_ID = "ChatloadConsumerId";

    private RecordHeaders() {
    }
}
