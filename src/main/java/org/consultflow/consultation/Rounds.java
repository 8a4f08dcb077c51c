package org.consultflow.consultation;

import static org.consultflow.platform.JdbcTimes.instant;
import static org.consultflow.platform.JdbcTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.consultflow.consultation.Definition.Consultee;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rounds ConsultFlow has started, stored with the definition they were started from. */
@Repository
public class Rounds {

    /** Every column but the definition, which is read once per round (see {@link #definition(String, int)}). */
    private static final String STATE = "round_key, status, opened_at, deadline, reminders, chase, report_due, "
            + "rehearsal, closed_at, approved_at, "
            + "(select count(*) from added_consultee a where a.round_key = round.round_key) as added";
    private static final int CACHED_DEFINITIONS = 32;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    /** A parsed definition with the consultees added to its round so far, of which there were {@code added}. */
    private record Cached(Definition definition, int added) {}

    private final Map<String, Cached> definitions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHED_DEFINITIONS;
        }
    };

    Rounds(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean exists(String key) {
        return jdbc.sql("select count(*) from round where round_key = ?").param(key).query(Integer.class).single() > 0;
    }

    void add(Definition definition, Schedule schedule) {
        jdbc.sql("""
                insert into round (round_key, title, definition, status, opened_at, deadline, reminders, chase,
                                   report_due, rehearsal)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(definition.key(), definition.title(), write(definition), RoundStatus.OPEN.name(),
                        ts(schedule.opens()), ts(schedule.deadline()),
                        schedule.reminders().stream().map(Duration::toString).collect(Collectors.joining(",")),
                        schedule.chase() == null ? null : schedule.chase().toString(),
                        ts(schedule.reportDue()), schedule.rehearsal())
                .update();
        // Forgets whatever a rolled-back start with the same key may have left behind.
        synchronized (definitions) {
            definitions.remove(definition.key());
        }
    }

    public Optional<Round> find(String key) {
        return jdbc.sql("select " + STATE + " from round where round_key = ?").param(key).query(this::round).optional();
    }

    public Round get(String key) {
        return find(key).orElseThrow(() -> new UnknownRoundException(key));
    }

    public void close(String key, Instant at) {
        jdbc.sql("update round set status = ?, closed_at = ? where round_key = ? and status = ?")
                .params(RoundStatus.CLOSED.name(), ts(at), key, RoundStatus.OPEN.name()).update();
    }

    public void reportDrafted(String key) {
        jdbc.sql("update round set status = ? where round_key = ?")
                .params(RoundStatus.REPORT_DRAFTED.name(), key).update();
    }

    public void approved(String key, Instant at) {
        jdbc.sql("update round set status = ?, approved_at = ? where round_key = ?")
                .params(RoundStatus.APPROVED.name(), ts(at), key).update();
    }

    /**
     * The round, holding its row until the caller's transaction ends: two responses of one round never compute the
     * same version, and a draft taken under the lock sees every response committed before it.
     */
    public Round lock(String key) {
        jdbc.sql("select status from round where round_key = ? for update").param(key).query(String.class).single();
        return get(key);
    }

    /** A response was recorded after the round's draft: the draft under review needs doing again. */
    public void redraftDue(String key) {
        jdbc.sql("update round set redraft_due = true where round_key = ?").param(key).update();
    }

    /** Takes a due re-draft, once however many responses asked for it; false when none is due. */
    public boolean takeRedraft(String key) {
        return jdbc.sql("update round set redraft_due = false where round_key = ? and redraft_due = true").param(key)
                .update() == 1;
    }

    /** Keys of rounds closed since the given time. */
    public List<String> closedSince(Instant since) {
        return jdbc.sql("select round_key from round where status <> ? and closed_at > ?")
                .params(RoundStatus.OPEN.name(), ts(since)).query(String.class).list();
    }

    /** The definition exactly as stored when the round started: the evidence of what was asked, of whom and when. */
    public String definitionAsStarted(String key) {
        return jdbc.sql("select definition from round where round_key = ?").param(key).query(String.class).single();
    }

    /**
     * Adds a consultee to the round for good. Every replica sees it at its next read of the round: the count of added
     * consultees is read with the round's state, and a cached definition with fewer is read again.
     */
    void addConsultee(String key, Consultee consultee, String addedBy, Instant at) {
        jdbc.sql("""
                insert into added_consultee (round_key, consultee_id, consultee, added_by, added_at)
                values (?, ?, ?, ?, ?)""")
                .params(key, consultee.id(), write(consultee), addedBy, ts(at)).update();
    }

    void moveDeadline(String key, Instant deadline) {
        jdbc.sql("update round set deadline = ? where round_key = ?").params(ts(deadline), key).update();
    }

    private Round round(ResultSet rs, int row) throws SQLException {
        var definition = definition(rs.getString("round_key"), rs.getInt("added"));
        var reminders = rs.getString("reminders").isBlank() ? List.<Duration>of()
                : Arrays.stream(rs.getString("reminders").split(",")).map(Duration::parse).toList();
        var chase = rs.getString("chase");
        var schedule = new Schedule(instant(rs, "opened_at"), instant(rs, "deadline"), reminders,
                chase == null ? null : Duration.parse(chase), instant(rs, "report_due"), rs.getBoolean("rehearsal"));
        return new Round(definition, RoundStatus.valueOf(rs.getString("status")), schedule,
                instant(rs, "closed_at"), instant(rs, "approved_at"));
    }

    /**
     * A round's definition never changes once started, while engine steps ask for their round all the time: parsing
     * a 10,000-consultee definition on every step dominated a large round's CPU. So parsed definitions are kept,
     * for the most recently used rounds, until a consultee is added to the round.
     */
    private Definition definition(String key, int added) {
        synchronized (definitions) {
            var cached = definitions.get(key);
            if (cached != null && cached.added() == added) {
                return cached.definition();
            }
        }
        var started = read(jdbc.sql("select definition from round where round_key = ?").param(key)
                .query(String.class).single(), Definition.class);
        var more = jdbc.sql("select consultee from added_consultee where round_key = ? order by added_at, consultee_id")
                .param(key).query(String.class).list().stream().map(text -> read(text, Consultee.class)).toList();
        var definition = more.isEmpty() ? started : started.withConsultees(
                Stream.concat(started.consultees().stream(), more.stream()).toList());
        synchronized (definitions) {
            definitions.put(key, new Cached(definition, more.size()));
        }
        return definition;
    }

    private String write(Object definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Definition cannot be stored", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored definition cannot be read", e);
        }
    }
}
