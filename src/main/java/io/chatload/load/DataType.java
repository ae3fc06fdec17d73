package io.chatload.load;

import java.sql.Types;

/** Column types the loader infers, named as dlt names them (the name also forms variant columns: {@code age__v_text}). */
public enum DataType {
    TEXT("text", Types.VARCHAR),
    BIGINT("bigint", Types.BIGINT),
    DOUBLE("double", Types.DOUBLE),
    BOOL("bool", Types.BOOLEAN),
    TIMESTAMP("timestamp", Types.TIMESTAMP_WITH_TIMEZONE),
    /** Integers too large for BIGINT (up to 38 digits). */
    DECIMAL("decimal", Types.NUMERIC),
    /** An object or list kept whole, as dlt keeps what lies past {@code max_table_nesting}: a {@link JsonValue}. */
    JSON("json", Types.OTHER);

    private final String dltName;
    private final int jdbcType;

    DataType(String dltName, int jdbcType) {
        this.dltName = dltName;
        this.jdbcType = jdbcType;
    }

    public String dltName() {
        return dltName;
    }

    /** The {@link Types} code used to bind a NULL of this type. */
    public int jdbcType() {
        return jdbcType;
    }
}
