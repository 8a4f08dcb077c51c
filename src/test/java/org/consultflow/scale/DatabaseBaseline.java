package org.consultflow.scale;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL beneath ConsultFlow: single-row inserts, each its own transaction (autocommit), through the
 * application's own connection pool. Recording a response cannot commit faster than this.
 */
public final class DatabaseBaseline {

    private DatabaseBaseline() {
    }

    /** Inserts {@code n} rows of about a response's size; returns commits per second. */
    public static double insert(JdbcTemplate jdbc, int n) {
        jdbc.execute("create table if not exists scale_baseline "
                + "(id bigserial primary key, consultee text not null, at timestamptz not null, body text not null)");
        jdbc.execute("truncate scale_baseline");
        var body = "{\"answers\":\"" + "x".repeat(400) + "\"}";
        var t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            jdbc.update("insert into scale_baseline (consultee, at, body) values (?, now(), ?)", "c" + i, body);
        }
        var rate = n / ((System.nanoTime() - t) / 1e9);
        jdbc.execute("drop table scale_baseline");
        return rate;
    }
}
