package org.consultflow.engagement;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.consultflow.platform.Audit;
import org.springframework.stereotype.Component;

/**
 * Keeps what the coordinator noted after phoning a silent required consultee, and who noted it: completed in Tasklist
 * (the user the engine knows) or through ConsultFlow's API ({@link ChaseTasks}, which says who in a transient variable).
 */
@Component("recordChaseOutcome")
class RecordChaseOutcome implements TaskListener {

    static final String VARIABLE = "chaseOutcome";
    static final String COMPLETED_BY = "chaseCompletedBy";

    private final Engagements engagements;
    private final Audit audit;
    private final Clock clock;

    RecordChaseOutcome(Engagements engagements, Audit audit, Clock clock) {
        this.engagements = engagements;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        var outcome = task.getVariable(VARIABLE);
        var text = outcome == null || outcome.toString().isBlank() ? "(no outcome noted)" : outcome.toString();
        var roundKey = (String) task.getVariable("roundKey");
        var consulteeId = (String) task.getVariable("consulteeId");
        engagements.chased(roundKey, consulteeId, clock.instant(), text);
        audit.record(completedBy(task), "chase.recorded", roundKey, consulteeId + ": " + text);
    }

    private static String completedBy(DelegateTask task) {
        if (task.getVariable(COMPLETED_BY) instanceof String actor) {
            return actor;
        }
        var engineUser = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return engineUser == null ? Audit.actor() : engineUser.getUserId();
    }
}
