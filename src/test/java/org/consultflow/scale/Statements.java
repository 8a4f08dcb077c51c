package org.consultflow.scale;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where PostgreSQL's time goes in one stage, for profiling rather than for the figures: with
 * {@code -Dconsultflow.benchmark.statements=true} the embedded PostgreSQL loads {@code pg_stat_statements}, each stage
 * starts from zero, and its statements that took the most execution time are printed after it.
 */
public final class Statements {

    public static final String PROPERTY = "consultflow.benchmark.statements";

    private Statements() {}

    public static boolean on() {
        return Boolean.getBoolean(PROPERTY);
    }

    public static void reset(JdbcClient jdbc) {
        if (on()) {
            jdbc.sql("create extension if not exists pg_stat_statements").update();
            jdbc.sql("select pg_stat_statements_reset()").query().listOfRows();
        }
    }

    public static void print(JdbcClient jdbc, String stage, int limit) {
        if (!on()) {
            return;
        }
        var out = new StringBuilder("\n-- statements of '" + stage + "' by total time --\n");
        out.append(String.format(Locale.ROOT, "%8s %10s %8s %10s  %s%n", "calls", "total ms", "ms/call", "rows",
                "statement"));
        jdbc.sql("""
                select calls, total_exec_time, rows, query from pg_stat_statements
                 order by total_exec_time desc limit ?""")
                .param(limit)
                .query((rs, row) -> String.format(Locale.ROOT, "%8d %10.0f %8.3f %10d  %s%n", rs.getLong("calls"),
                        rs.getDouble("total_exec_time"), rs.getDouble("total_exec_time") / Math.max(1, rs.getLong("calls")),
                        rs.getLong("rows"), rs.getString("query").replaceAll("\\s+", " ")
                                .substring(0, Math.min(240, rs.getString("query").replaceAll("\\s+", " ").length()))))
                .list().forEach(out::append);
        System.out.println(out);
    }
}
