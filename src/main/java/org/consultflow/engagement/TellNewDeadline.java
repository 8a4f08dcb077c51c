package org.consultflow.engagement;

import java.time.Clock;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.consultation.DeadlineMoved;
import org.consultflow.consultation.Rounds;
import org.consultflow.notification.DeadlineChange;
import org.consultflow.notification.MailKey;
import org.consultflow.notification.Mails;
import org.consultflow.notification.UndeliverableMailException;
import org.consultflow.platform.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "Tell of the new deadline": consultees still to answer hear by mail that the deadline moved. The engagements still
 * awaiting a response get a message each (see {@link #on(DeadlineMoved)}), which queues a job; the mails go out from
 * the job executor with the engine's retries, so a large round does not hold the request up. The mail says the
 * deadline as it stands when it is sent: moved twice in a minute, both mails give the latest.
 */
@Component("tellNewDeadline")
class TellNewDeadline implements JavaDelegate {

    static final String MESSAGE = "DeadlineMoved";
    private static final Logger log = LoggerFactory.getLogger(TellNewDeadline.class);

    private final Rounds rounds;
    private final Engagements engagements;
    private final PersonalLinks links;
    private final Mails mails;
    private final RuntimeService runtime;
    private final Clock clock;

    TellNewDeadline(Rounds rounds, Engagements engagements, PersonalLinks links, Mails mails, RuntimeService runtime,
            Clock clock) {
        this.rounds = rounds;
        this.engagements = engagements;
        this.links = links;
        this.mails = mails;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * Asynchronously, as an engine batch: correlating in the coordinator's transaction would collide with any job the
     * engine is running on one of the engagements at that moment, and one collision would refuse the whole deadline
     * change. The batch's jobs correlate with the engine's retries; engagements no longer awaiting a response have no
     * subscription and are passed over.
     */
    @EventListener
    void on(DeadlineMoved moved) {
        var waiting = runtime.createProcessInstanceQuery().processDefinitionKey(StartEngagements.PROCESS)
                .variableValueEquals("roundKey", moved.roundKey());
        if (waiting.count() == 0) {
            return;
        }
        runtime.createMessageCorrelationAsync(MESSAGE).processInstanceQuery(waiting)
                .setVariable("deadlineExtended", moved.extended())
                .correlateAllAsync();
        log.info("Round {}: consultees still to answer will be told of the new deadline", moved.roundKey());
    }

    @Override
    public void execute(DelegateExecution execution) {
        var roundKey = (String) execution.getVariable("roundKey");
        var consulteeId = (String) execution.getVariable("consulteeId");
        try (var context = LogContext.of(roundKey, consulteeId)) {
            var round = rounds.get(roundKey);
            var engagement = engagements.get(roundKey, consulteeId);
            if (!round.isOpen() || engagement.respondedAt() != null) {
                return;
            }
            var consultee = round.definition().consultee(consulteeId).orElseThrow();
            var definition = round.definition();
            var to = consultee.contact().email();
            var extended = !Boolean.FALSE.equals(execution.getVariable("deadlineExtended"));
            try {
                mails.send(MailKey.deadlineMoved(roundKey, consulteeId, round.schedule().deadline()),
                        new DeadlineChange(to, consultee.contact().name(), consultee.organisation(), definition.title(),
                                round.localDeadline(), extended, links.url(roundKey, consulteeId),
                                definition.coordinator().name(), definition.coordinator().email()));
            } catch (UndeliverableMailException e) {
                engagements.mailFailed(roundKey, consulteeId, clock.instant(),
                        "New deadline to " + to + ": " + e.reason());
            }
        }
    }
}
