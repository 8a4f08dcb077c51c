package org.consultflow.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.consultation.Rounds;
import org.consultflow.platform.LogContext;
import org.springframework.stereotype.Component;

/** "Draft report": tallies every recorded response as it stands at closing and keeps the draft. */
@Component("draftReport")
class DraftReport implements JavaDelegate {

    private final ReportDrafting drafting;
    private final Rounds rounds;

    DraftReport(ReportDrafting drafting, Rounds rounds) {
        this.drafting = drafting;
        this.rounds = rounds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var roundKey = (String) execution.getVariable("roundKey");
        try (var context = LogContext.of(roundKey)) {
            var round = rounds.lock(roundKey);
            drafting.draft(round);
            rounds.reportDrafted(round.key());
        }
    }
}
