package org.consultflow.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** "Open round": announces the round to partner systems. */
@Component("openRound")
class OpenRound implements JavaDelegate {

    private final Rounds rounds;
    private final ApplicationEventPublisher events;

    OpenRound(Rounds rounds, ApplicationEventPublisher events) {
        this.rounds = rounds;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var round = rounds.get((String) execution.getVariable("roundKey"));
        events.publishEvent(new RoundOpened(round.key(), round.definition().title(), round.schedule().deadline(),
                round.definition().consultees().size(), round.schedule().rehearsal()));
    }
}
