package org.consultflow.consultation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.consultflow.platform.Audit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts rounds and acts on their deadline. */
@Service
class RoundService {

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

    @Transactional
    Round closeNow(String key) {
        rounds.get(key);
        try {
            runtime.createMessageCorrelation("CloseNow").processInstanceBusinessKey(key).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new RoundConflictException("The round '" + key + "' is not open, so it cannot be closed");
        }
        audit.record("round.closed-now", key, null);
        return rounds.get(key);
    }

    @Transactional
    Round moveDeadline(String key, OffsetDateTime deadline) {
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
        events.publishEvent(new DeadlineMoved(key, deadline.toInstant()));
        audit.record("deadline.moved", key, "from " + round.schedule().deadline() + " to " + deadline.toInstant());
        return rounds.get(key);
    }
}
