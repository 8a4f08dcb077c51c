package org.consultflow.response;

import static org.consultflow.platform.JdbcTimes.instant;
import static org.consultflow.platform.JdbcTimes.ts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What consultees saved to come back to later: one draft per engagement, the last save wins. */
@Repository
class Drafts {

    record Draft(Map<String, String> fields, String savedBy, Instant savedAt) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Drafts(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Draft> find(String roundKey, String consulteeId) {
        return jdbc.sql("select fields, saved_by, saved_at from response_draft where round_key = ? and consultee_id = ?")
                .params(roundKey, consulteeId)
                .query((rs, row) -> new Draft(read(rs.getString("fields")), rs.getString("saved_by"),
                        instant(rs, "saved_at")))
                .optional();
    }

    /** Update first, insert if there was none: the same on H2 and PostgreSQL, and two saves at once both succeed. */
    void save(String roundKey, String consulteeId, Draft draft) {
        var fields = write(draft.fields());
        if (update(roundKey, consulteeId, draft, fields) == 0) {
            try {
                jdbc.sql("insert into response_draft (round_key, consultee_id, fields, saved_by, saved_at) values (?, ?, ?, ?, ?)")
                        .params(roundKey, consulteeId, fields, draft.savedBy(), ts(draft.savedAt())).update();
            } catch (DuplicateKeyException someoneElseSavedFirst) {
                update(roundKey, consulteeId, draft, fields);
            }
        }
    }

    void discard(String roundKey, String consulteeId) {
        jdbc.sql("delete from response_draft where round_key = ? and consultee_id = ?").params(roundKey, consulteeId)
                .update();
    }

    private int update(String roundKey, String consulteeId, Draft draft, String fields) {
        return jdbc.sql("update response_draft set fields = ?, saved_by = ?, saved_at = ? where round_key = ? and consultee_id = ?")
                .params(fields, draft.savedBy(), ts(draft.savedAt()), roundKey, consulteeId).update();
    }

    private String write(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
