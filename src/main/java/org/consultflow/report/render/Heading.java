package org.consultflow.report.render;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a paper says it is at its top: a draft for the meeting, or the approved version. The frozen files are what
 * goes on the record and to the distribution list, so once approved they must not call themselves a draft anywhere.
 */
record Heading(String caption, String dated, String paper) {

    static Heading of(Instant draftedAt, Approval approval, ZoneId zone) {
        if (approval == null) {
            return new Heading("Draft — for the decision meeting",
                    "Drafted " + ReportView.dateTime(draftedAt, zone) + ".", "draft report");
        }
        return new Heading("Approved report — version " + approval.version() + ", approved on "
                + ReportView.date(approval.approvedAt(), zone),
                "Approved on " + ReportView.dateTime(approval.approvedAt(), zone) + ", with the figures as they stood on "
                        + ReportView.dateTime(draftedAt, zone) + ".",
                "approved report");
    }
}
