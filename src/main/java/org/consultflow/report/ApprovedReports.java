package org.consultflow.report;

import static org.consultflow.platform.JdbcTimes.instant;
import static org.consultflow.platform.JdbcTimes.ts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.consultflow.report.render.ReportFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The approved version of each round's report, frozen: its number, the SHA-256 of its data and the bytes of every
 * format exactly as they were when approved.
 */
@Repository
public class ApprovedReports {

    /** {@code sha256} is that of the JSON file: the report's data, whatever format it is read in. */
    public record Approved(int version, Instant approvedAt, String sha256) {}

    private final JdbcClient jdbc;

    ApprovedReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void freeze(String roundKey, int version, Instant at, Map<ReportFormat, byte[]> files) {
        jdbc.sql("insert into approved_report (round_key, version, approved_at, sha256) values (?, ?, ?, ?)")
                .params(roundKey, version, ts(at), Sha256.hex(files.get(ReportFormat.JSON))).update();
        files.forEach((format, bytes) -> jdbc.sql(
                "insert into approved_report_file (round_key, format, sha256, content) values (?, ?, ?, ?)")
                .params(roundKey, format.name(), Sha256.hex(bytes), bytes).update());
    }

    public Optional<Approved> find(String roundKey) {
        return jdbc.sql("select version, approved_at, sha256 from approved_report where round_key = ?")
                .param(roundKey)
                .query((rs, row) -> new Approved(rs.getInt("version"), instant(rs, "approved_at"),
                        rs.getString("sha256")))
                .optional();
    }

    public Optional<byte[]> file(String roundKey, ReportFormat format) {
        return jdbc.sql("select content from approved_report_file where round_key = ? and format = ?")
                .params(roundKey, format.name()).query((rs, row) -> rs.getBytes("content")).optional();
    }
}
