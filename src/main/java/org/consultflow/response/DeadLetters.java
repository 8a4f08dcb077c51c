package org.consultflow.response;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.consultflow.platform.KafkaTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Rejected events go straight to the dead-letter topic with the reason in the {@code consultflow-reason} header.
 * Anything else (the database unreachable, say) is retried with backoff for half an hour before it is parked there
 * too: an accepted record is never just dropped.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetters {

    static final String REASON_HEADER = "consultflow-reason";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    @Bean
    DefaultErrorHandler responsesErrorHandler(KafkaTemplate<Object, Object> template, KafkaTopics topics) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(topics.deadLetter(), -1));
        recoverer.setHeadersFunction((record, e) -> {
            var reason = reason(e);
            log.warn("Dead-lettered record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
            var headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        var backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxInterval(60_000);
        backOff.setMaxElapsedTime(30 * 60_000);
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(RejectedEvent.class);
        return handler;
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof RejectedEvent rejected) {
                return rejected.getMessage();
            }
            cause = cause.getCause();
        }
        return "could not be recorded: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
    }
}
