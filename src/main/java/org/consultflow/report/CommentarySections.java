package org.consultflow.report;

import java.util.List;

import org.consultflow.report.draft.Report.Commentary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coordinator's commentary of each round, kept apart from the drafts: a re-draft replaces the tallies but must
 * never lose what the coordinator wrote, so every draft copies it from here.
 */
@Repository
class CommentarySections {

    private final JdbcClient jdbc;

    CommentarySections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(String roundKey, List<Commentary> sections) {
        jdbc.sql("delete from report_commentary where round_key = ?").param(roundKey).update();
        for (int i = 0; i < sections.size(); i++) {
            jdbc.sql("insert into report_commentary (round_key, position, heading, body) values (?, ?, ?, ?)")
                    .params(roundKey, i, sections.get(i).heading(), sections.get(i).text()).update();
        }
    }

    List<Commentary> of(String roundKey) {
        return jdbc.sql("select heading, body from report_commentary where round_key = ? order by position")
                .param(roundKey)
                .query((rs, row) -> new Commentary(rs.getString("heading"), rs.getString("body")))
                .list();
    }
}
