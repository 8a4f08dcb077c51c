package org.consultflow.platform;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The outbox's sending side. Spring Modulith's event publication registry stores each {@link LifecycleEvent} with
 * the transaction that raised it; this listener runs after that commit, in the order the events were raised, and the
 * publication is marked complete only once Kafka acknowledged the record. Failed ones stay incomplete and are
 * resubmitted later, so delivery is at least once and a resubmitted event can arrive after newer ones.
 * <p>
 * Sending happens on one thread of its own, in commit order, so that a broker outage never holds the engine's job
 * threads (each send would wait out the delivery timeout, and a round's fan-out would crawl). While a send has failed
 * in the last few seconds, the next ones fail at once and wait for the resubmission instead of queueing up timeouts.
 */
@Component
class LifecycleEventsToKafka {

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaTopics topics;
    private final ObjectMapper json;
    private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    private final String baseUrl;

    LifecycleEventsToKafka(KafkaTemplate<String, byte[]> kafka, KafkaTopics topics, ObjectMapper json,
            PublicLinks links) {
        this.kafka = kafka;
        this.topics = topics;
        this.json = json;
        this.baseUrl = links.baseUrl();
    }

    static final String EXECUTOR = "lifecycleEventsExecutor";
    private static final Duration BROKER_AWAY = Duration.ofSeconds(10);
    private volatile Instant brokerAwayUntil = Instant.MIN;

    @Async(EXECUTOR)
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void publish(LifecycleEvent event) throws Exception {
        if (Instant.now().isBefore(brokerAwayUntil)) {
            throw new IllegalStateException("Kafka was unreachable moments ago; " + event.type() + " waits for resubmission");
        }
        var data = data(event);
        var cloudEvent = CloudEventBuilder.v1()
                .withId(id(event.type(), data))
                .withSource(URI.create(baseUrl + "/api/consultations/" + event.roundKey()))
                .withType(event.type())
                .withSubject(event.subject())
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .build();
        try {
            kafka.send(topics.events(), event.roundKey(), format.serialize(cloudEvent)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            brokerAwayUntil = Instant.now().plus(BROKER_AWAY);
            throw e;
        }
    }

    /** One thread: events leave in the order their transactions committed. */
    @Bean(EXECUTOR)
    static ThreadPoolTaskExecutor lifecycleEventsExecutor() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("lifecycle-events-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(20);
        return executor;
    }

    /**
     * Derived from the event's content, which carries its own time or version: a resubmitted publication keeps its
     * id, so consumers can drop the duplicate that at-least-once delivery may bring.
     */
    static String id(String type, byte[] data) {
        var prefix = type.getBytes(StandardCharsets.UTF_8);
        var bytes = new byte[prefix.length + data.length];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        System.arraycopy(data, 0, bytes, prefix.length, data.length);
        return UUID.nameUUIDFromBytes(bytes).toString();
    }

    private byte[] data(LifecycleEvent event) throws JsonProcessingException {
        return json.writeValueAsBytes(event);
    }
}
