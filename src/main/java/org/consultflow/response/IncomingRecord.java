package org.consultflow.response;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;

/**
 * A record from the responses topic, or one replayed from the dead letters. {@code brokerTime} is the broker's own
 * stamp (LogAppendTime), when a partner's response was submitted; null when the record carries only a time its
 * producer chose (CreateTime), which is never trusted: then it counts from when ConsultFlow received it.
 */
record IncomingRecord(byte[] value, Instant brokerTime) {

    static IncomingRecord of(ConsumerRecord<?, byte[]> record) {
        return new IncomingRecord(record.value(), brokerTime(record));
    }

    static Instant brokerTime(ConsumerRecord<?, ?> record) {
        return record.timestampType() == TimestampType.LOG_APPEND_TIME && record.timestamp() >= 0
                ? Instant.ofEpochMilli(record.timestamp()) : null;
    }
}
