package org.consultflow.response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Rounds;
import org.consultflow.platform.LogContext;
import org.consultflow.platform.OwnSources;
import org.consultflow.platform.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Turns one {@code consultation.response.submitted} CloudEvent (JSON structured mode) into a recorded response, or
 * refuses it with the reason. Who may answer for whom: ConsultFlow's own sources must carry its signature; any other
 * source only for the consultees the round's definition allows it. Anything that can never be recorded is a
 * {@link RejectedEvent}; anything else that fails is left to the caller to classify.
 */
@Component
class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    static final String TYPE = "consultation.response.submitted";
    /** The sizes of the inbound event columns: longer values are refused as bad input, not retried. */
    static final int MAX_ID = 200;
    static final int MAX_SOURCE = 500;
    static final int MAX_KEY = 64;

    enum Outcome { RECORDED, LATE, DUPLICATE }

    /**
     * Partner systems allowed for every round by configuration rather than by each round's definition (a council's
     * own case-management system, say); ConsultFlow's own sources are never taken from here.
     */
    @ConfigurationProperties("consultflow.intake")
    record IntakeSettings(@DefaultValue List<String> sources) {}

    private final Rounds rounds;
    private final Inbox inbox;
    private final Responses responses;
    private final EventSignatures signatures;
    private final ObjectMapper json;
    private final Clock clock;
    private final IntakeSettings settings;

    Intake(Rounds rounds, Inbox inbox, Responses responses, EventSignatures signatures, ObjectMapper json, Clock clock,
            IntakeSettings settings) {
        this.settings = settings;
        this.rounds = rounds;
        this.inbox = inbox;
        this.responses = responses;
        this.signatures = signatures;
        // Lenient on unknown data fields: partner systems may send more than we read.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
        this.clock = clock;
    }

    Outcome accept(IncomingRecord record) {
        var event = parse(record.value());
        var source = event.getSource().toString();
        var submitted = data(event);
        try (var context = LogContext.of(submitted.roundKey(), submitted.consulteeId())) {
            var round = rounds.find(submitted.roundKey())
                    .orElseThrow(() -> new RejectedEvent("unknown round '" + submitted.roundKey() + "'"));
            var problems = ResponseCheck.problems(round.definition(), submitted);
            if (!problems.isEmpty()) {
                throw new RejectedEvent(String.join("; ", problems));
            }
            var channel = authorise(event, source, submitted, round.definition());
            // ConsultFlow's own events carry the signed time the form or console accepted them; partners' the broker's.
            var submittedAt = channel == Channel.PARTNER || submitted.submittedAt() == null
                    ? (record.brokerTime() != null ? record.brokerTime() : clock.instant())
                    : submitted.submittedAt().toInstant();
            var payload = new String(record.value(), StandardCharsets.UTF_8);
            if (Text.forbiddenCharacter(payload, true) != null) {
                throw new RejectedEvent("the record holds a control character outside its JSON values");
            }
            try {
                var response = inbox.record(
                        new Inbox.Accepted(source, event.getId(), channel, payload, submitted, submittedAt));
                log.info("Recorded response {} from {} v{} for {}:{}{}", event.getId(), source, response.version(),
                        response.roundKey(), response.consulteeId(), response.late() ? " (late)" : "");
                return response.late() ? Outcome.LATE : Outcome.RECORDED;
            } catch (DuplicateKeyException e) {
                if (!responses.knows(source, event.getId())) {
                    // Some other key clashed: not a duplicate, so never dropped; the caller tries again.
                    throw new RetryLater("response " + event.getId() + " could not be recorded yet");
                }
                log.info("Ignored duplicate event {} from {}", event.getId(), source);
                return Outcome.DUPLICATE;
            }
        }
    }

    private Channel authorise(CloudEvent event, String source, SubmittedResponse submitted, Definition definition) {
        if (OwnSources.isOwn(source)) {
            if (!signatures.verify(event)) {
                throw new RejectedEvent("not authorised: events from " + source + " must carry ConsultFlow's signature");
            }
            if (!EventSignatures.CONSOLE.toString().equals(source)) {
                return Channel.WEB;
            }
            return submitted.channel() == null ? Channel.LETTER : submitted.channel();
        }
        var consultee = definition.consultee(submitted.consulteeId()).orElseThrow();
        if (!definition.mayAnswer(source, consultee) && !settings.sources().contains(source)) {
            throw new RejectedEvent("not authorised: source " + source + " may not answer for consultee '"
                    + consultee.id() + "' of round '" + definition.key() + "'");
        }
        return Channel.PARTNER;
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
        var id = event.getId();
        var source = event.getSource().toString();
        if (id.isEmpty() || id.length() > MAX_ID || source.length() > MAX_SOURCE) {
            throw new RejectedEvent("id empty or longer than " + MAX_ID + ", or source longer than " + MAX_SOURCE
                    + " characters");
        }
        if (Text.forbiddenCharacter(id, false) != null || Text.forbiddenCharacter(source, false) != null) {
            throw new RejectedEvent("id or source holds a control character");
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
        for (var key : new String[] {submitted.roundKey(), submitted.consulteeId()}) {
            if (key.length() > MAX_KEY || Text.forbiddenCharacter(key, false) != null) {
                throw new RejectedEvent("roundKey and consulteeId must be at most " + MAX_KEY
                        + " printable characters");
            }
        }
        return submitted;
    }

    private static String rootMessage(Throwable e) {
        var root = IntakeFailures.rootCause(e);
        var message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
