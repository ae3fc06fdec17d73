package io.chatload.routes;

/**
 * How a resource avoids fetching again what has not changed. {@code cursorField} (e.g. {@code lastChatAt}) tells when
 * a record, and everything below it, last changed: records whose cursor did not move are neither written nor fanned
 * out, and a list sorted newest first stops paging at the first unchanged record. {@code doneField}={@code doneValue}
 * (e.g. {@code stage=closed}) marks a record that never changes again: once loaded it is not fetched again.
 * Either part may be null. {@code sortedByCursor}: the list comes newest first, so paging stops at the first record
 * not newer than the last run's highest cursor.
 */
public record Incremental(String cursorField, boolean sortedByCursor, String doneField, String doneValue) {

    /** The state value that marks a done record. */
    public static final String DONE = "done";

    public boolean hasCursor() {
        return cursorField != null;
    }

    public boolean isDone(java.util.Map<String, Object> record) {
        return doneField != null && doneValue.equals(String.valueOf(Records.field(record, doneField)));
    }
}
