package org.consultflow.response;

import java.nio.charset.StandardCharsets;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.consultflow.platform.KafkaTopics;
import org.consultflow.platform.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Every failure of the responses listener is one of two kinds. Transient — the database unreachable, a lock timeout, a
 * key clash with a concurrent writer — is retried with growing pauses for as long as it lasts: there is no budget for
 * a restart to reset, and while the database is away no other record could be recorded either. Everything else can
 * never succeed as it stands (a rejected event, a value the database refuses, a fault in ConsultFlow itself) and is
 * dead-lettered at once, so one bad record never holds up the others: kept in the database for an admin to replay
 * after a fix, and published to the dead-letter topic with the reason in the {@code consultflow-reason} header.
 */
@Configuration(proxyBeanMethods = false)
class IntakeFailures {

    static final String REASON_HEADER = "consultflow-reason";
    private static final Logger log = LoggerFactory.getLogger(IntakeFailures.class);

    @Bean
    DefaultErrorHandler responsesErrorHandler(KafkaTemplate<Object, Object> template, KafkaTopics topics,
            DeadLetters deadLetters) {
        var topic = new DeadLetterPublishingRecoverer(template, (record, e) -> new TopicPartition(topics.deadLetter(), -1));
        // The reason header is all a reader needs; the default exception headers would carry stack and SQL text.
        topic.setExceptionHeadersCreator((headers, exception, isKey, names) -> { });
        topic.setHeadersFunction((record, e) -> {
            var headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(e).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        ConsumerRecordRecoverer recoverer = (record, e) -> {
            var reason = reason(e);
            keep(deadLetters, record, reason);
            log.warn("Dead-lettered record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
            try {
                topic.accept(record, e);
            } catch (RuntimeException notPublished) {
                // The table is the record that counts; a copy the topic refuses (too large, no ACL) must not send the
                // record round again.
                log.warn("Dead letter {}-{}@{} kept, but not copied to the dead-letter topic: {}", record.topic(),
                        record.partition(), record.offset(), Text.printable(String.valueOf(notPublished.getMessage())));
            }
        };
        var backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxInterval(30_000);
        var handler = new DefaultErrorHandler(recoverer, backOff);
        // Keep the records after a failed one and hand them over again without seeking: a seek waits out the fetch
        // already in flight (half a second on an idle broker), which made each dead letter cost that much.
        handler.setSeekAfterError(false);
        handler.defaultFalse();
        handler.addRetryableExceptions(TransientDataAccessException.class, RecoverableDataAccessException.class,
                DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
                SQLTransientException.class, SQLRecoverableException.class, RetryLater.class);
        return handler;
    }

    /** In the database first: nothing may sit only in a topic whose retention will delete it. */
    private static void keep(DeadLetters deadLetters, ConsumerRecord<?, ?> record, String reason) {
        try {
            deadLetters.add(record, reason);
        } catch (RuntimeException e) {
            // The database is away: the record is delivered again, after a pause rather than in a tight loop.
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    /** The innermost cause, which names what actually went wrong; a cause chain that loops ends where it loops. */
    static Throwable rootCause(Throwable e) {
        var root = e;
        var seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Throwable, Boolean>());
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root;
    }

    static String reason(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RejectedEvent rejected) {
                return Text.printable(rejected.getMessage(), 1000);
            }
        }
        var root = rootCause(e);
        return Text.printable("could not be recorded: " + root.getClass().getSimpleName() + ": " + root.getMessage(),
                1000);
    }
}
