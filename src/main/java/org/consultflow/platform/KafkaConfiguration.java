package org.consultflow.platform;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    /**
     * The broker stamps each response when it appends it (LogAppendTime), so "submitted before the deadline" rests on
     * the broker's clock, not on whatever time a producer claims.
     */
    @Bean
    NewTopic responsesTopic(KafkaTopics topics) {
        return topic(topics, topics.responses())
                .config(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime")
                .build();
    }

    @Bean
    NewTopic deadLetterTopic(KafkaTopics topics) {
        return topic(topics, topics.deadLetter()).build();
    }

    @Bean
    NewTopic eventsTopic(KafkaTopics topics) {
        return topic(topics, topics.events()).build();
    }

    private static TopicBuilder topic(KafkaTopics topics, String name) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicas())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInSyncReplicas()));
    }
}
