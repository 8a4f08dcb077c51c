package org.consultflow.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Instants to and from {@code timestamp with time zone} columns, nulls kept, the same on H2 and PostgreSQL. */
public final class JdbcTimes {

    private JdbcTimes() {
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
