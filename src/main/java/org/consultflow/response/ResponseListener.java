package org.consultflow.response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.consultflow.consultation.Rounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code consultation.response.submitted} CloudEvents (JSON structured mode). Anything that can never be
 * recorded is rejected with a reason and goes to the dead-letter topic; consumption carries on.
 */
@Component
class ResponseListener {

    static final String TYPE = "consultation.response.submitted";
    /** The sizes of the inbox columns: longer values are refused as bad input, not retried as a database error. */
    static final int MAX_ID = 200;
    static final int MAX_SOURCE = 500;
    private static final Logger log = LoggerFactory.getLogger(ResponseListener.class);

    private final Rounds rounds;
    private final Inbox inbox;
    private final Responses responses;
    private final ObjectMapper json;

    ResponseListener(Rounds rounds, Inbox inbox, Responses responses, ObjectMapper json) {
        this.rounds = rounds;
        this.inbox = inbox;
        this.responses = responses;
        // Lenient on unknown data fields: partner systems may send more than we read.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @KafkaListener(id = "responses", topics = "${consultflow.kafka.responses}")
    void on(ConsumerRecord<String, byte[]> record) {
        var event = parse(record.value());
        var submitted = data(event);
        var round = rounds.find(submitted.roundKey())
                .orElseThrow(() -> new RejectedEvent("unknown round '" + submitted.roundKey() + "'"));
        var problems = ResponseCheck.problems(round.definition(), submitted);
        if (!problems.isEmpty()) {
            throw new RejectedEvent(String.join("; ", problems));
        }
        try {
            var response = inbox.record(event.getId(), event.getSource().toString(),
                    new String(record.value(), StandardCharsets.UTF_8), round, submitted);
            log.info("Recorded response {} v{} for {}:{}{}", event.getId(), response.version(), round.key(),
                    submitted.consulteeId(), response.late() ? " (late)" : "");
        } catch (DuplicateKeyException e) {
            if (!responses.knows(event.getId())) {
                // Some other key clashed: not a duplicate, so never dropped. Thrown without the cause, which the
                // error handler would otherwise classify as bad data, so that the record is retried.
                throw new IllegalStateException("Response " + event.getId() + " could not be recorded yet: "
                        + e.getMostSpecificCause().getMessage());
            }
            log.info("Ignored duplicate event {} for {}:{}", event.getId(), round.key(), submitted.consulteeId());
        }
    }

    private static CloudEvent parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new RejectedEvent("empty record");
        }
        CloudEvent event;
        try {
            event = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(value);
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException e) {
            throw new RejectedEvent("not a CloudEvent in JSON structured mode: " + rootMessage(e), e);
        }
        if (!TYPE.equals(event.getType())) {
            throw new RejectedEvent("unexpected event type '" + event.getType() + "', expected '" + TYPE + "'");
        }
        if (event.getData() == null) {
            throw new RejectedEvent("event has no data");
        }
        if (event.getId().length() > MAX_ID || event.getSource().toString().length() > MAX_SOURCE) {
            throw new RejectedEvent("id longer than " + MAX_ID + " or source longer than " + MAX_SOURCE + " characters");
        }
        return event;
    }

    private SubmittedResponse data(CloudEvent event) {
        SubmittedResponse submitted;
        try {
            submitted = json.readValue(event.getData().toBytes(), SubmittedResponse.class);
        } catch (IOException e) {
            throw new RejectedEvent("data is not a response: " + rootMessage(e), e);
        }
        if (submitted.roundKey() == null || submitted.consulteeId() == null) {
            throw new RejectedEvent("data needs roundKey and consulteeId");
        }
        return submitted;
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        var message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
