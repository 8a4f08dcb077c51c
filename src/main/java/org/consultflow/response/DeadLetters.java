package org.consultflow.response;

import static org.consultflow.platform.JdbcTimes.instant;
import static org.consultflow.platform.JdbcTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.consultflow.platform.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Records that could not be recorded as they stood, with the reason, until an admin replays them after a fix. */
@Repository
class DeadLetters {

    record DeadLetter(long id, String topic, Integer partition, Long offset, String key, Instant recordTimestamp,
            byte[] payload, String reason, Instant deadAt, Instant replayedAt, String replayedBy, String replayOutcome) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    DeadLetters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Once per record: a record delivered again after a crash between keeping it and committing is not kept twice. */
    void add(ConsumerRecord<?, ?> record, String reason) {
        if (kept(record)) {
            return;
        }
        var key = record.key() == null ? null : Text.printable(String.valueOf(record.key()), 400);
        var payload = record.value() instanceof byte[] bytes ? bytes : null;
        jdbc.sql("""
                insert into dead_letter (topic, kafka_partition, kafka_offset, record_key, record_timestamp, payload,
                                         reason, dead_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(record.topic(), record.partition(), record.offset(), key,
                        ts(received(record)), payload, Text.printable(reason, 1900), ts(clock.instant()))
                .update();
    }

    /** When it was submitted, as a replay will judge it: the broker's stamp, or else when it reached ConsultFlow. */
    private Instant received(ConsumerRecord<?, ?> record) {
        var broker = IncomingRecord.brokerTime(record);
        return broker != null ? broker : clock.instant();
    }

    private boolean kept(ConsumerRecord<?, ?> record) {
        return jdbc.sql("select count(*) from dead_letter where topic = ? and kafka_partition = ? and kafka_offset = ?")
                .params(record.topic(), record.partition(), record.offset()).query(Integer.class).single() > 0;
    }

    /** The newest first; {@code open}: only those not replayed yet. */
    List<DeadLetter> list(boolean open, int limit) {
        return jdbc.sql("select * from dead_letter" + (open ? " where replayed_at is null" : "") + " order by id desc limit ?")
                .param(limit).query(this::deadLetter).list();
    }

    Optional<DeadLetter> find(long id) {
        return jdbc.sql("select * from dead_letter where id = ?").param(id).query(this::deadLetter).optional();
    }

    /** Takes the dead letter for one replay: false when another admin's replay has it already. */
    boolean claim(long id, String by) {
        return jdbc.sql("update dead_letter set replayed_at = ?, replayed_by = ? where id = ? and replayed_at is null")
                .params(ts(clock.instant()), by, id).update() == 1;
    }

    void replayed(long id, String outcome) {
        jdbc.sql("update dead_letter set replay_outcome = ? where id = ?").params(Text.printable(outcome, 1900), id)
                .update();
    }

    /** Refused again: open for another replay after the next fix. */
    void replayRefused(long id, String outcome) {
        jdbc.sql("update dead_letter set replayed_at = null, replayed_by = null, replay_outcome = ? where id = ?")
                .params(Text.printable(outcome, 1900), id).update();
    }

    private DeadLetter deadLetter(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("topic"), (Integer) rs.getObject("kafka_partition", Integer.class),
                (Long) rs.getObject("kafka_offset", Long.class), rs.getString("record_key"),
                instant(rs, "record_timestamp"), rs.getBytes("payload"), rs.getString("reason"),
                instant(rs, "dead_at"), instant(rs, "replayed_at"), rs.getString("replayed_by"),
                rs.getString("replay_outcome"));
    }
}
