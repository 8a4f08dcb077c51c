package org.consultflow.notification;

import static org.consultflow.platform.JdbcTimes.instant;
import static org.consultflow.platform.JdbcTimes.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The log of every mail sent, one row per send, in the order sent. */
@Repository
public class SentMails {

    /** {@code consulteeId} is null for the round's own mails. */
    public record SentMail(Instant sentAt, String recipient, String subject, String messageId, String purpose,
            String consulteeId) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    SentMails(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        // Sends happen in engine jobs: if the job then rolls back and runs again, the first send still happened and
        // must stay logged, so the row commits on its own rather than with the job.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void record(MailKey key, String messageId, String recipient, String subject) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                insert into mail_sent (message_id, round_key, consultee_id, purpose, recipient, subject, sent_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(messageId, key.roundKey(), key.consulteeId(), key.purpose(), recipient, subject,
                        ts(clock.instant()))
                .update());
    }

    /** The consultees of a round who were already sent a mail for this purpose (accepted by the server). */
    public java.util.Set<String> consulteesSent(String roundKey, String purpose) {
        return new java.util.HashSet<>(jdbc.sql(
                "select consultee_id from mail_sent where round_key = ? and purpose = ? and consultee_id is not null")
                .params(roundKey, purpose).query(String.class).list());
    }

    public List<SentMail> ofRound(String roundKey) {
        return jdbc.sql("""
                select sent_at, recipient, subject, message_id, purpose, consultee_id from mail_sent
                where round_key = ? order by sent_at, id""")
                .param(roundKey)
                .query((rs, row) -> new SentMail(instant(rs, "sent_at"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("message_id"), rs.getString("purpose"),
                        rs.getString("consultee_id")))
                .list();
    }
}
