package org.consultflow.response;

import static org.consultflow.platform.JdbcTimes.instant;
import static org.consultflow.platform.JdbcTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.consultflow.platform.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every response version ever recorded, with where its correlation to the engagement process stands. */
@Repository
public class Responses {

    enum Correlation { PENDING, CORRELATED, NOT_CORRELATED, NOT_NEEDED }

    record Pending(String source, String eventId, String roundKey, String consulteeId, int version, int attempts,
            Instant nextAttemptAt) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Responses(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Keeps the event as it arrived; a second delivery of the same (source, id) fails on the primary key. */
    void rememberEvent(String source, String eventId, String payload, Instant at) {
        jdbc.sql("insert into inbound_event (source, event_id, received_at, payload) values (?, ?, ?, ?)")
                .params(source, eventId, ts(at), payload).update();
    }

    boolean knows(String source, String eventId) {
        return jdbc.sql("select count(*) from inbound_event where source = ? and event_id = ?").params(source, eventId)
                .query(Integer.class).single() > 0;
    }

    int nextVersion(String roundKey, String consulteeId) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from response where round_key = ? and consultee_id = ?")
                .params(roundKey, consulteeId).query(Integer.class).single();
    }

    void add(StoredResponse response, Correlation correlation) {
        jdbc.sql("""
                insert into response (source, event_id, round_key, consultee_id, version, channel, answers,
                                      respondent_name, respondent_email, submitted_at, recorded_at, late, correlation,
                                      next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(response.source(), response.eventId(), response.roundKey(), response.consulteeId(),
                        response.version(), response.channel().name(), write(response.answers()), response.respondentName(), response.respondentEmail(),
                        ts(response.submittedAt()), ts(response.recordedAt()), response.late(), correlation.name(),
                        ts(response.recordedAt()))
                .update();
    }

    /** All versions of a round's responses, on time and late, in the order they were recorded. */
    public List<StoredResponse> ofRound(String roundKey) {
        return jdbc.sql("select * from response where round_key = ? order by recorded_at, consultee_id, version")
                .param(roundKey).query(this::response).list();
    }

    Optional<StoredResponse> find(String roundKey, String consulteeId, int version) {
        return jdbc.sql("select * from response where round_key = ? and consultee_id = ? and version = ?")
                .params(roundKey, consulteeId, version).query(this::response).optional();
    }

    /** The version that counts: the last one recorded, late or not. */
    Optional<StoredResponse> latest(String roundKey, String consulteeId) {
        return jdbc.sql("select * from response where round_key = ? and consultee_id = ? order by version desc limit 1")
                .params(roundKey, consulteeId).query(this::response).optional();
    }

    record Counts(int onTime, int late) {}

    Map<String, Counts> countsByConsultee(String roundKey) {
        var counts = new java.util.HashMap<String, Counts>();
        jdbc.sql("""
                select consultee_id,
                       sum(case when late then 0 else 1 end) as on_time,
                       sum(case when late then 1 else 0 end) as late_count
                  from response where round_key = ? group by consultee_id""")
                .param(roundKey)
                .query(rs -> {
                    counts.put(rs.getString("consultee_id"), new Counts(rs.getInt("on_time"), rs.getInt("late_count")));
                });
        return counts;
    }

    List<Pending> duePending(Instant now, int limit) {
        return jdbc.sql("""
                select source, event_id, round_key, consultee_id, version, attempts, next_attempt_at from response
                 where correlation = 'PENDING' and next_attempt_at <= ?
                 order by next_attempt_at, recorded_at
                 limit ?""")
                .params(ts(now), limit)
                .query((rs, row) -> new Pending(rs.getString("source"), rs.getString("event_id"), rs.getString("round_key"),
                        rs.getString("consultee_id"), rs.getInt("version"), rs.getInt("attempts"),
                        instant(rs, "next_attempt_at")))
                .list();
    }

    /**
     * Takes a pending response for one correlator, so that replicas sharing the database never hand the same response
     * to the process twice: only the one whose update finds the row unchanged gets it.
     */
    boolean claim(Pending pending, Instant until) {
        return jdbc.sql("""
                update response set next_attempt_at = ?
                 where source = ? and event_id = ? and correlation = 'PENDING' and next_attempt_at = ?""")
                .params(ts(until), pending.source(), pending.eventId(), ts(pending.nextAttemptAt())).update() == 1;
    }

    void correlation(Pending pending, Correlation correlation, String note) {
        jdbc.sql("update response set correlation = ?, last_error = ? where source = ? and event_id = ?")
                .params(correlation.name(), note, pending.source(), pending.eventId()).update();
    }

    void retryLater(Pending pending, int attempts, Instant next, String error) {
        jdbc.sql("update response set attempts = ?, next_attempt_at = ?, last_error = ? where source = ? and event_id = ?")
                .params(attempts, ts(next), Text.printable(error, 1900), pending.source(), pending.eventId()).update();
    }

    private StoredResponse response(ResultSet rs, int row) throws SQLException {
        return new StoredResponse(rs.getString("source"), rs.getString("event_id"), rs.getString("round_key"),
                rs.getString("consultee_id"), rs.getInt("version"), Channel.valueOf(rs.getString("channel")), read(rs.getString("answers")), rs.getString("respondent_name"),
                rs.getString("respondent_email"), instant(rs, "submitted_at"), instant(rs, "recorded_at"),
                rs.getBoolean("late"));
    }

    private String write(Map<String, Object> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
