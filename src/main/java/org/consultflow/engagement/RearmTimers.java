package org.consultflow.engagement;

import java.util.Date;
import java.util.HashSet;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.consultflow.consultation.DeadlineMoved;
import org.consultflow.consultation.Rounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reminder and chase offsets count back from the deadline, so when the deadline moves, the engagements' armed
 * timers move with it, in the same transaction as the new deadline.
 */
@Component
class RearmTimers {

    private static final Logger log = LoggerFactory.getLogger(RearmTimers.class);

    private final Rounds rounds;
    private final Engagements engagements;
    private final RuntimeService runtime;
    private final ManagementService management;

    RearmTimers(Rounds rounds, Engagements engagements, RuntimeService runtime, ManagementService management) {
        this.rounds = rounds;
        this.engagements = engagements;
        this.runtime = runtime;
        this.management = management;
    }

    @EventListener
    void on(DeadlineMoved moved) {
        var round = rounds.get(moved.roundKey());
        var instances = new HashSet<String>();
        runtime.createProcessInstanceQuery().processDefinitionKey(StartEngagements.PROCESS)
                .variableValueEquals("roundKey", round.key()).list()
                .forEach(instance -> instances.add(instance.getId()));
        var chases = 0;
        if (round.schedule().chase() != null) {
            var chaseAt = Date.from(EngagementSchedule.chaseAt(round));
            for (var job : management.createJobQuery().processDefinitionKey(StartEngagements.PROCESS)
                    .activityId("Event_ChaseDue").list()) {
                if (instances.contains(job.getProcessInstanceId())) {
                    management.setJobDuedate(job.getId(), chaseAt);
                    chases++;
                }
            }
        }
        var reminders = 0;
        var due = EngagementSchedule.dueTimes(round);
        for (var job : management.createJobQuery().processDefinitionKey(StartEngagements.PROCESS)
                .activityId("Event_ReminderDue").list()) {
            if (!instances.contains(job.getProcessInstanceId())) {
                continue;
            }
            var consulteeId = (String) runtime.getVariable(job.getProcessInstanceId(), "consulteeId");
            var slot = EngagementSchedule.pendingSlot(round, engagements.get(round.key(), consulteeId));
            if (slot.isPresent()) {
                management.setJobDuedate(job.getId(), Date.from(due.get(slot.getAsInt())));
                reminders++;
            }
        }
        log.info("Round {}: deadline moved to {}; {} reminder and {} chase timer(s) moved with it", round.key(),
                round.localDeadline(), reminders, chases);
    }
}
