package org.consultflow.consultation;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.platform.LogContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Close round": from now on responses are recorded as late. The engagements of the round learn of it from the
 * engagement feature's closing sweep, which watches for closed rounds.
 */
@Component("closeRound")
class CloseRound implements JavaDelegate {

    private final Rounds rounds;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CloseRound(Rounds rounds, ApplicationEventPublisher events, Clock clock) {
        this.rounds = rounds;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var key = (String) execution.getVariable("roundKey");
        try (var context = LogContext.of(key)) {
            var now = clock.instant();
            rounds.close(key, now);
            events.publishEvent(new RoundClosed(key, now, rounds.get(key).schedule().deadline()));
        }
    }
}
