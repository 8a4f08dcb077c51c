package org.consultflow.platform;

import static org.consultflow.platform.JdbcTimes.instant;
import static org.consultflow.platform.JdbcTimes.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;

/** The record of who did what and when: every coordinator and admin action, in the same transaction as the action. */
@Repository
public class Audit {

    public record Entry(Instant at, String actor, String action, String roundKey, String detail) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Audit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action of the person signed in to this request. */
    public void record(String action, String roundKey, String detail) {
        record(actor(), action, roundKey, detail);
    }

    /**
     * Records an action of the named person: for services called from pages and background work as well as the API,
     * where the caller knows better than the request who acted.
     */
    public void record(String actor, String action, String roundKey, String detail) {
        jdbc.sql("insert into audit_entry (at, actor, action, round_key, detail) values (?, ?, ?, ?, ?)")
                .params(ts(clock.instant()), actor == null || actor.isBlank() ? "system" : Text.printable(actor, 190),
                        action, roundKey, detail == null ? null : Text.printable(detail, 1900))
                .update();
    }

    public List<Entry> ofRound(String roundKey) {
        return jdbc.sql("select * from audit_entry where round_key = ? order by at, id").param(roundKey)
                .query((rs, row) -> new Entry(instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("round_key"), rs.getString("detail")))
                .list();
    }

    /** Who is signed in to this request, or {@code system} for background work. */
    public static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : Text.printable(authentication.getName(), 190);
    }
}
