package org.consultflow.engagement;

import static org.consultflow.platform.JdbcTimes.instant;
import static org.consultflow.platform.JdbcTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Engagements {

    private final JdbcClient jdbc;

    Engagements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String roundKey, String consulteeId, String groupId, boolean required, String tokenHash) {
        jdbc.sql("""
                insert into engagement (round_key, consultee_id, group_id, required, token_hash)
                values (?, ?, ?, ?, ?)""")
                .params(roundKey, consulteeId, groupId, required, tokenHash).update();
    }

    public Optional<Engagement> find(String roundKey, String consulteeId) {
        return jdbc.sql("select * from engagement where round_key = ? and consultee_id = ?")
                .params(roundKey, consulteeId).query(this::engagement).optional();
    }

    public Engagement get(String roundKey, String consulteeId) {
        return find(roundKey, consulteeId).orElseThrow(() -> new IllegalStateException(
                "No engagement for " + Engagement.businessKey(roundKey, consulteeId)));
    }

    Optional<Engagement> findByTokenHash(String tokenHash) {
        return jdbc.sql("select * from engagement where token_hash = ?").param(tokenHash)
                .query(this::engagement).optional();
    }

    /** Which personal link is current: 0 for the first invitation's, one more for each invitation sent again. */
    int linkGeneration(String roundKey, String consulteeId) {
        return jdbc.sql("select link_generation from engagement where round_key = ? and consultee_id = ?")
                .params(roundKey, consulteeId).query(Integer.class).optional().orElse(0);
    }

    /** The engagement's row, held until the transaction ends: two re-sends at once cannot both retire one link. */
    Optional<Engagement> lock(String roundKey, String consulteeId) {
        jdbc.sql("select consultee_id from engagement where round_key = ? and consultee_id = ? for update")
                .params(roundKey, consulteeId).query(String.class).optional();
        return find(roundKey, consulteeId);
    }

    /** Makes the next generation's link current and keeps the one it replaces as retired at that time. */
    void replaceLink(String roundKey, String consulteeId, int generation, String tokenHash, Instant at) {
        jdbc.sql("""
                insert into retired_link (token_hash, round_key, consultee_id, generation, retired_at)
                select token_hash, round_key, consultee_id, link_generation, ? from engagement
                 where round_key = ? and consultee_id = ?""")
                .params(ts(at), roundKey, consulteeId).update();
        jdbc.sql("update engagement set token_hash = ?, link_generation = ? where round_key = ? and consultee_id = ?")
                .params(tokenHash, generation, roundKey, consulteeId).update();
    }

    record RetiredLink(String roundKey, String consulteeId, Instant retiredAt) {}

    Optional<RetiredLink> findRetired(String tokenHash) {
        return jdbc.sql("select round_key, consultee_id, retired_at from retired_link where token_hash = ?")
                .param(tokenHash)
                .query((rs, row) -> new RetiredLink(rs.getString("round_key"), rs.getString("consultee_id"),
                        instant(rs, "retired_at")))
                .optional();
    }

    public List<Engagement> ofRound(String roundKey) {
        return jdbc.sql("select * from engagement where round_key = ? order by consultee_id").param(roundKey)
                .query(this::engagement).list();
    }

    void invited(Engagement engagement, Instant at) {
        jdbc.sql("update engagement set invited_at = ? where round_key = ? and consultee_id = ?")
                .params(ts(at), engagement.roundKey(), engagement.consulteeId()).update();
    }

    /** A reminder the coordinator sent between the scheduled ones: counted like them, the schedule left as it was. */
    void extraReminderSent(Engagement engagement, Instant at) {
        jdbc.sql("""
                update engagement set reminders_sent = reminders_sent + 1, last_reminder_at = ?
                 where round_key = ? and consultee_id = ?""")
                .params(ts(at), engagement.roundKey(), engagement.consulteeId()).update();
    }

    void reminderSent(Engagement engagement, int nextCursor, Instant at) {
        jdbc.sql("""
                update engagement set reminder_cursor = ?, reminders_sent = reminders_sent + 1, last_reminder_at = ?
                 where round_key = ? and consultee_id = ?""")
                .params(nextCursor, ts(at), engagement.roundKey(), engagement.consulteeId())
                .update();
    }

    /** A reminder that could never be delivered still uses up its slot, so the next timer waits for the next one. */
    void reminderUndeliverable(Engagement engagement, int nextCursor, Instant at, String reason) {
        jdbc.sql("update engagement set reminder_cursor = ? where round_key = ? and consultee_id = ?")
                .params(nextCursor, engagement.roundKey(), engagement.consulteeId()).update();
        mailFailed(engagement.roundKey(), engagement.consulteeId(), at, reason);
    }

    /** Remembers, for the coordinator, why a mail to this engagement could never be delivered. */
    public void mailFailed(String roundKey, String consulteeId, Instant at, String reason) {
        jdbc.sql("update engagement set mail_failed_at = ?, mail_failure = ? where round_key = ? and consultee_id = ?")
                .params(ts(at), reason, roundKey, consulteeId).update();
    }

    /** Marks the first recorded response; reminders stop from here on. */
    public void responded(String roundKey, String consulteeId, Instant at) {
        jdbc.sql("""
                update engagement set responded_at = ?
                 where round_key = ? and consultee_id = ? and responded_at is null""")
                .params(ts(at), roundKey, consulteeId).update();
    }

    void chased(String roundKey, String consulteeId, Instant at, String outcome) {
        jdbc.sql("update engagement set chased_at = ?, chase_outcome = ? where round_key = ? and consultee_id = ?")
                .params(ts(at), outcome, roundKey, consulteeId).update();
    }

    private Engagement engagement(ResultSet rs, int row) throws SQLException {
        return new Engagement(rs.getString("round_key"), rs.getString("consultee_id"), rs.getString("group_id"),
                rs.getBoolean("required"), instant(rs, "invited_at"), rs.getInt("reminder_cursor"),
                rs.getInt("reminders_sent"), instant(rs, "responded_at"), instant(rs, "chased_at"),
                rs.getString("chase_outcome"), instant(rs, "mail_failed_at"), rs.getString("mail_failure"),
                instant(rs, "last_reminder_at"));
    }
}
