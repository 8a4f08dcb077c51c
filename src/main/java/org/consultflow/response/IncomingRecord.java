package org.consultflow.response;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;

/**
 * A record from the responses topic, or one replayed from the dead letters. {@code brokerTime} is the broker's stamp
 * (the topic is created with {@code message.timestamp.type=LogAppendTime}): when a partner's response was submitted.
 */
record IncomingRecord(byte[] value, Instant brokerTime) {

    static IncomingRecord of(ConsumerRecord<?, byte[]> record) {
        var stamped = record.timestampType() != TimestampType.NO_TIMESTAMP_TYPE && record.timestamp() >= 0;
        return new IncomingRecord(record.value(), stamped ? Instant.ofEpochMilli(record.timestamp()) : null);
    }
}
