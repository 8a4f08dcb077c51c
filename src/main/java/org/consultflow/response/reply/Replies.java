package org.consultflow.response.reply;

import static org.consultflow.platform.JdbcTimes.instant;
import static org.consultflow.platform.JdbcTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Every reply read from the mailbox, with its attachments (kept, or refused with the reason). */
@Repository
class Replies {

    enum Status { WAITING, UNMATCHED, RECORDED }

    record Match(String roundKey, String consulteeId) {}

    record StoredReply(long id, String messageId, String roundKey, String consulteeId, String from, String subject,
            Instant receivedAt, String body, Status status, String taskId, String recordedEvent, String recordedBy,
            Instant recordedAt, List<AttachmentInfo> attachments) {}

    record AttachmentInfo(int position, String fileName, String contentType, long size, String refused) {}

    record AttachmentContent(String fileName, byte[] content) {}

    private final JdbcClient jdbc;

    Replies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean knows(String messageId) {
        return jdbc.sql("select count(*) from emailed_reply where message_id = ?").param(messageId)
                .query(Integer.class).single() > 0;
    }

    /** Stores the reply and its attachments in one transaction; a second copy fails on the Message-ID. */
    @Transactional
    long add(ReceivedReply reply, Match match) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into emailed_reply (message_id, round_key, consultee_id, from_address, subject, received_at, body,
                                           status)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reply.messageId(), match == null ? null : match.roundKey(),
                        match == null ? null : match.consulteeId(), reply.from(), reply.subject(),
                        ts(reply.receivedAt()), reply.body(), (match == null ? Status.UNMATCHED : Status.WAITING).name())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        var position = 0;
        for (var attachment : reply.attachments()) {
            jdbc.sql("""
                    insert into emailed_reply_attachment (reply_id, position, file_name, content_type, size_bytes,
                                                          content, refused)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, ++position, attachment.fileName(), attachment.contentType(), attachment.size(),
                            attachment.content(), attachment.refused())
                    .update();
        }
        return id;
    }

    /** The reply, if still waiting for its recording, holding its row until the transaction ends. */
    Optional<StoredReply> lockWaiting(long id) {
        var waiting = jdbc.sql("select id from emailed_reply where id = ? and status = 'WAITING' for update").param(id)
                .query(Long.class).optional();
        return waiting.isEmpty() ? Optional.empty() : find(id);
    }

    void taskCreated(long id, String taskId) {
        jdbc.sql("update emailed_reply set task_id = ? where id = ?").params(taskId, id).update();
    }

    /** Only a reply not yet recorded is marked, so two coordinators cannot record one reply twice. */
    boolean recorded(long id, String roundKey, String consulteeId, String eventId, String by, Instant at) {
        return jdbc.sql("""
                update emailed_reply set status = 'RECORDED', round_key = ?, consultee_id = ?, recorded_event = ?,
                                         recorded_by = ?, recorded_at = ?
                 where id = ? and status <> 'RECORDED'""")
                .params(roundKey, consulteeId, eventId, by, ts(at), id).update() == 1;
    }

    Optional<StoredReply> find(long id) {
        return jdbc.sql("select * from emailed_reply where id = ?").param(id).query(this::reply).optional();
    }

    List<StoredReply> withStatus(Status status, int limit) {
        return jdbc.sql("select * from emailed_reply where status = ? order by id desc limit ?")
                .params(status.name(), limit).query(this::reply).list();
    }

    Optional<AttachmentContent> content(long id, int position) {
        return jdbc.sql("""
                select file_name, content from emailed_reply_attachment
                 where reply_id = ? and position = ? and content is not null""")
                .params(id, position)
                .query((rs, row) -> new AttachmentContent(rs.getString("file_name"), rs.getBytes("content")))
                .optional();
    }

    private StoredReply reply(ResultSet rs, int row) throws SQLException {
        var id = rs.getLong("id");
        var attachments = jdbc.sql("""
                select position, file_name, content_type, size_bytes, refused from emailed_reply_attachment
                 where reply_id = ? order by position""")
                .param(id)
                .query((a, n) -> new AttachmentInfo(a.getInt("position"), a.getString("file_name"),
                        a.getString("content_type"), a.getLong("size_bytes"), a.getString("refused")))
                .list();
        return new StoredReply(id, rs.getString("message_id"), rs.getString("round_key"), rs.getString("consultee_id"),
                rs.getString("from_address"), rs.getString("subject"), instant(rs, "received_at"), rs.getString("body"),
                Status.valueOf(rs.getString("status")), rs.getString("task_id"), rs.getString("recorded_event"),
                rs.getString("recorded_by"), instant(rs, "recorded_at"), attachments);
    }
}
