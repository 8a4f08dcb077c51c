package org.consultflow.report;

import org.consultflow.report.draft.Report;

import java.util.List;

import org.consultflow.consultation.RoundStatus;
import org.consultflow.consultation.Rounds;
import org.consultflow.platform.Audit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sets the coordinator's commentary. A draft under review is re-drafted at once so that what is reviewed is what will
 * be approved; after approval the report is frozen, commentary included.
 */
@Component
class ReportCommentary {

    private final ReportDrafting drafting;
    private final Rounds rounds;
    private final CommentarySections sections;
    private final Audit audit;

    ReportCommentary(ReportDrafting drafting, Rounds rounds, CommentarySections sections, Audit audit) {
        this.drafting = drafting;
        this.rounds = rounds;
        this.sections = sections;
        this.audit = audit;
    }

    @Transactional
    void set(String roundKey, List<Report.Commentary> commentary) {
        var round = rounds.lock(roundKey);
        if (round.status() == RoundStatus.APPROVED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The report of round '" + roundKey
                    + "' is approved; its commentary can no longer change");
        }
        sections.replace(roundKey, commentary);
        audit.record("report.commentary-set", roundKey, commentary.size() + " sections");
        if (round.status() == RoundStatus.REPORT_DRAFTED) {
            drafting.draft(round);
        }
    }
}
