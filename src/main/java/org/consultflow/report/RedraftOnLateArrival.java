package org.consultflow.report;

import org.consultflow.consultation.RoundStatus;
import org.consultflow.consultation.Rounds;
import org.consultflow.response.ResponseRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Closing and drafting do not wait for consumer lag. A response submitted before the deadline but consumed after the
 * draft counts, and one that came late belongs in the annex: either way the draft under review is re-drafted, so it
 * is never stale. Until approval; after it the approved report stands and the response shows on the round.
 */
@Component
class RedraftOnLateArrival {

    private static final Logger log = LoggerFactory.getLogger(RedraftOnLateArrival.class);

    private final ReportDrafting drafting;
    private final Rounds rounds;

    RedraftOnLateArrival(ReportDrafting drafting, Rounds rounds) {
        this.drafting = drafting;
        this.rounds = rounds;
    }

    /**
     * Only responses recorded after the round closed: the condition is read before the event is stored for this
     * listener, so the thousands recorded while the round is open cost no stored publication and no transaction here.
     */
    @ApplicationModuleListener(condition = "#recorded.afterClose()")
    void on(ResponseRecorded recorded) {
        if (!recorded.afterClose()) {
            return;
        }
        var round = rounds.lock(recorded.roundKey());
        // Not drafted yet: the draft to come will hold it. Re-drafted since (for another response of the same
        // burst): that draft holds it already, and the flag is down.
        if (round.status() != RoundStatus.REPORT_DRAFTED || !rounds.takeRedraft(round.key())) {
            return;
        }
        drafting.draft(round);
        log.info("Round {}: re-drafted the report for the {} response of {}", round.key(),
                recorded.late() ? "late" : "on-time", recorded.consulteeId());
    }
}
