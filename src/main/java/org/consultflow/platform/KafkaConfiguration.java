package org.consultflow.platform;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    NewTopic responsesTopic(KafkaTopics topics) {
        return TopicBuilder.name(topics.responses()).partitions(topics.partitions()).replicas(topics.replicas()).build();
    }

    @Bean
    NewTopic deadLetterTopic(KafkaTopics topics) {
        return TopicBuilder.name(topics.deadLetter()).partitions(topics.partitions()).replicas(topics.replicas()).build();
    }

    @Bean
    NewTopic eventsTopic(KafkaTopics topics) {
        return TopicBuilder.name(topics.events()).partitions(topics.partitions()).replicas(topics.replicas()).build();
    }
}
