package org.consultflow.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The in-process single-node KRaft broker of the embedded default stack, so that `./mvnw spring-boot:run` needs no
 * Kafka installed. It listens on a fixed localhost port so a Kafka CLI can publish to it too; port 0 picks a free one
 * (tests). Its log lives in a temporary folder: records are gone when the application stops.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "consultflow.embedded.kafka.enabled", havingValue = "true")
class EmbeddedKafka {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    @ConfigurationProperties("consultflow.embedded.kafka")
    record EmbeddedKafkaSettings(boolean enabled, @DefaultValue("9092") int port) {}

    @Bean(destroyMethod = "destroy")
    EmbeddedKafkaKraftBroker embeddedKafkaBroker(EmbeddedKafkaSettings settings, KafkaTopics topics) {
        var broker = new EmbeddedKafkaKraftBroker(1, topics.partitions());
        var properties = new HashMap<String, String>(Map.of(
                "auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0"));
        if (settings.port() > 0) {
            // The KRaft test kit takes its client port from the listeners (kafkaPorts() is ignored in KRaft mode).
            properties.put("listeners", "EXTERNAL://localhost:" + settings.port() + ",CONTROLLER://localhost:0");
        }
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        log.info("Embedded Kafka (KRaft, single node): bootstrap servers {}", broker.getBrokersAsString());
        return broker;
    }

    /** Points Spring Boot's Kafka clients at the embedded broker, whatever port it got. */
    @Bean
    KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafkaKraftBroker broker) {
        return new KafkaConnectionDetails() {
            @Override
            public List<String> getBootstrapServers() {
                return List.of(broker.getBrokersAsString().split(","));
            }
        };
    }
}
