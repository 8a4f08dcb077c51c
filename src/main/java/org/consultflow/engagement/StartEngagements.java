package org.consultflow.engagement;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.consultation.Rounds;
import org.springframework.stereotype.Component;

/**
 * "Start engagements": one engagement process per consultee (business key {@code <roundKey>:<consulteeId>}), so
 * consultees never contend for one process instance. Each starts with an async invitation, so this step only
 * creates work; the mail goes out from the job executor.
 */
@Component("startEngagements")
class StartEngagements implements JavaDelegate {

    static final String PROCESS = "consultee-engagement";

    private final Rounds rounds;
    private final Engagements engagements;
    private final PersonalLinks links;
    private final RuntimeService runtime;

    StartEngagements(Rounds rounds, Engagements engagements, PersonalLinks links, RuntimeService runtime) {
        this.rounds = rounds;
        this.engagements = engagements;
        this.links = links;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var round = rounds.get((String) execution.getVariable("roundKey"));
        var definition = round.definition();
        for (var consultee : definition.consultees()) {
            var required = definition.isRequired(consultee);
            var token = links.token(round.key(), consultee.id());
            engagements.add(round.key(), consultee.id(), consultee.group(), required, PersonalLinks.hash(token));
            runtime.startProcessInstanceByKey(PROCESS, Engagement.businessKey(round.key(), consultee.id()),
                    Map.of("roundKey", round.key(), "consulteeId", consultee.id(), "required", required));
        }
    }
}
