package org.consultflow.consultation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.consultflow.platform.Audit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts rounds and acts on them: the deadline, closing early, consultees added. Public for the console; each action
 * takes the name of the coordinator who acts, for the round's history.
 */
@Service
public class RoundService {

    static final String PROCESS = "consultation-round";

    private final Definitions definitions;
    private final Rounds rounds;
    private final RuntimeService runtime;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Audit audit;

    RoundService(Definitions definitions, Rounds rounds, RuntimeService runtime, Clock clock,
            ApplicationEventPublisher events, Audit audit) {
        this.events = events;
        this.audit = audit;
        this.definitions = definitions;
        this.rounds = rounds;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Transactional(rollbackFor = InvalidDefinitionException.class)
    Round start(String text, Duration rehearsal) throws InvalidDefinitionException {
        var definition = definitions.read(text, rehearsal != null);
        if (rounds.exists(definition.key())) {
            throw new RoundConflictException("A round with the key '" + definition.key() + "' already exists");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var schedule = rehearsal == null ? Schedule.of(definition, now) : Schedule.rehearse(definition, rehearsal, now);
        try {
            rounds.add(definition, schedule);
        } catch (DuplicateKeyException e) {
            throw new RoundConflictException("A round with the key '" + definition.key() + "' already exists");
        }
        var variables = new HashMap<String, Object>();
        variables.put("roundKey", definition.key());
        variables.put("deadline", Date.from(schedule.deadline()));
        variables.put("reportDue", schedule.reportDue() == null ? null : Date.from(schedule.reportDue()));
        runtime.startProcessInstanceByKey(PROCESS, definition.key(), variables);
        audit.record("round.started", definition.key(), rehearsal == null ? "deadline " + schedule.deadline()
                : "rehearsal of " + rehearsal + ", deadline " + schedule.deadline());
        return rounds.get(definition.key());
    }

    Round closeNow(String key) {
        return closeNow(key, Audit.actor());
    }

    /** Closes the round now; the engine closes it shortly after (a job), so the round returned may still be open. */
    @Transactional
    public Round closeNow(String key, String actor) {
        rounds.get(key);
        try {
            runtime.createMessageCorrelation("CloseNow").processInstanceBusinessKey(key).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new RoundConflictException("The round '" + key + "' is not open, so it cannot be closed");
        }
        audit.record(actor, "round.closed-now", key, null);
        return rounds.get(key);
    }

    Round moveDeadline(String key, OffsetDateTime deadline) {
        return moveDeadline(key, deadline, Audit.actor());
    }

    /** Extends the deadline or brings it forward; timers move with it and consultees still to answer are told. */
    @Transactional
    public Round moveDeadline(String key, OffsetDateTime deadline, String actor) {
        var round = rounds.lock(key);
        if (!round.isOpen()) {
            throw new RoundConflictException("The round '" + key + "' is closed; its deadline can no longer change");
        }
        if (!deadline.toInstant().isAfter(clock.instant())) {
            throw new RoundConflictException("The new deadline is not in the future; close the round instead");
        }
        rounds.moveDeadline(key, deadline.toInstant());
        try {
            runtime.createMessageCorrelation("DeadlineChanged").processInstanceBusinessKey(key)
                    .setVariable("deadline", Date.from(deadline.toInstant())).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new RoundConflictException("The round '" + key + "' is not waiting for its deadline");
        }
        events.publishEvent(new DeadlineMoved(key, deadline.toInstant(), round.schedule().deadline()));
        audit.record(actor, "deadline.moved", key, "from " + round.schedule().deadline() + " to " + deadline.toInstant());
        return rounds.get(key);
    }

    /**
     * Adds a consultee to an open round, checked like the consultees of a definition; its engagement starts at once
     * and invites it like the others.
     *
     * @param consultee as in a definition: {@code {id, organisation, group, contact: {name, email}}}; a missing
     *        contact name may be null
     * @throws InvalidRequestException listing every problem, with paths starting at the consultee
     */
    @Transactional
    public Round addConsultee(String key, Definition.Consultee consultee, String actor) {
        return addConsultee(key, definitions.tree(consultee), actor);
    }

    /** The same, for a consultee given as JSON (the API's body): problems name the JSON's paths. */
    @Transactional
    public Round addConsultee(String key, JsonNode consultee, String actor) {
        var round = rounds.lock(key);
        if (!round.isOpen()) {
            throw new RoundConflictException("The round '" + key + "' is closed; consultees can no longer be added");
        }
        var added = definitions.readConsultee(consultee, round.definition());
        rounds.addConsultee(key, added, actor, clock.instant());
        events.publishEvent(new ConsulteeAdded(key, added.id()));
        audit.record(actor, "consultee.added", key, added.id() + " (" + added.organisation() + ", group "
                + added.group() + ")");
        return rounds.get(key);
    }
}
