package org.consultflow.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka topics ConsultFlow reads and writes, and how it creates them: {@code replicas} copies of each record, of
 * which {@code minInSyncReplicas} must hold it before the broker acknowledges a write ({@code acks=all}).
 */
@ConfigurationProperties("consultflow.kafka")
public record KafkaTopics(
        @DefaultValue("consultation.responses") String responses,
        @DefaultValue("consultation.responses.dlt") String deadLetter,
        @DefaultValue("consultation.events") String events,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("1") int minInSyncReplicas) {
}
