package org.consultflow.report;

import org.consultflow.report.draft.Report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The drafted report of each round, kept as drafted: a snapshot for the decision meeting. */
@Repository
class Reports {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Reports(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a (re-)draft and returns its version. */
    int save(String roundKey, Report report, Instant draftedAt) {
        var body = write(report);
        var updated = jdbc.sql("""
                update report set version = version + 1, drafted_at = ?, body = ?, approved_at = null
                 where round_key = ?""")
                .params(Timestamp.from(draftedAt), body, roundKey).update();
        if (updated == 0) {
            jdbc.sql("insert into report (round_key, version, drafted_at, body) values (?, 1, ?, ?)")
                    .params(roundKey, Timestamp.from(draftedAt), body).update();
        }
        return version(roundKey);
    }

    int version(String roundKey) {
        return jdbc.sql("select version from report where round_key = ?").param(roundKey).query(Integer.class).single();
    }

    Optional<Report> find(String roundKey) {
        return jdbc.sql("select body from report where round_key = ?").param(roundKey).query(String.class).optional()
                .map(this::read);
    }

    void approved(String roundKey, Instant at) {
        jdbc.sql("update report set approved_at = ? where round_key = ?").params(Timestamp.from(at), roundKey).update();
    }

    private String write(Report report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Report read(String body) {
        try {
            return json.readValue(body, Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored report cannot be read", e);
        }
    }
}
