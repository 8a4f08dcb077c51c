package org.consultflow.response;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.apache.kafka.common.KafkaException;
import org.consultflow.platform.KafkaTopics;
import org.consultflow.response.ResponseFormAnswers.Filled;
import org.consultflow.response.SubmittedResponse.Respondent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a web form response — or one a coordinator records from a letter, email or call — as the same
 * {@code consultation.response.submitted} event a partner system would send: neither writes the database, the inbox
 * records it like any other. The send is awaited so that a
 * broker outage reaches the consultee as "please try again" rather than losing the response.
 */
@Component
class ResponseFormSender {

    private static final Logger log = LoggerFactory.getLogger(ResponseFormSender.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaTopics topics;
    private final EventSignatures signatures;
    private final ObjectMapper json;
    private final Clock clock;
    private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    ResponseFormSender(KafkaTemplate<String, byte[]> kafka, KafkaTopics topics, EventSignatures signatures,
            ObjectMapper json, Clock clock) {
        this.kafka = kafka;
        this.topics = topics;
        this.signatures = signatures;
        this.json = json;
        this.clock = clock;
    }

    void send(String roundKey, String consulteeId, Filled filled) throws NotSent {
        send(EventSignatures.FORM, new SubmittedResponse(roundKey, consulteeId, filled.answers(),
                new Respondent(filled.name(), filled.email()),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)));
    }

    /** Publishes one of ConsultFlow's own responses (the form's, or one a coordinator records) and returns its id. */
    String send(URI source, SubmittedResponse data) throws NotSent {
        var id = UUID.randomUUID().toString();
        var bytes = bytes(data);
        // Signed, so that no producer on the broker can pass its events off as the consultee's own.
        var event = signatures.sign(CloudEventBuilder.v1(), id, source, bytes)
                .withId(id)
                .withSource(source)
                .withType(Intake.TYPE)
                .withTime(data.submittedAt())
                .withDataContentType("application/json")
                .withData(bytes)
                .build();
        try {
            kafka.send(topics.responses(), data.roundKey(), format.serialize(event)).get(20, TimeUnit.SECONDS);
            log.info("Response {} from {} sent for {}:{}", id, source, data.roundKey(), data.consulteeId());
            return id;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotSent(e);
        } catch (ExecutionException | TimeoutException | KafkaException
                | org.springframework.kafka.KafkaException e) {
            log.warn("Response for {}:{} from {} could not be sent; the sender was asked to try again",
                    data.roundKey(), data.consulteeId(), source, e);
            throw new NotSent(e);
        }
    }

    private byte[] bytes(SubmittedResponse data) {
        try {
            return json.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The response did not reach Kafka; the consultee still has it on screen and can send it again. */
    static final class NotSent extends Exception {

        NotSent(Throwable cause) {
            super(cause);
        }
    }
}
