package org.consultflow.engagement;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Keeps what the coordinator noted after phoning a silent required consultee. */
@Component("recordChaseOutcome")
class RecordChaseOutcome implements TaskListener {

    private final Engagements engagements;
    private final Clock clock;

    RecordChaseOutcome(Engagements engagements, Clock clock) {
        this.engagements = engagements;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        var outcome = task.getVariable("chaseOutcome");
        engagements.chased((String) task.getVariable("roundKey"), (String) task.getVariable("consulteeId"),
                clock.instant(), outcome == null || outcome.toString().isBlank() ? "(no outcome noted)"
                        : outcome.toString());
    }
}
