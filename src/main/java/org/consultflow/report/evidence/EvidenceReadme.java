package org.consultflow.report.evidence;

import org.consultflow.consultation.Round;
import org.consultflow.report.ApprovedReports.Approved;

/**
 * What the pack holds and what it cannot hold, in words for whoever examines it. It names no time of making, so that
 * it does not change the pack's bytes.
 */
final class EvidenceReadme {

    private EvidenceReadme() {}

    static String text(Round round, Approved approved) {
        return """
                # Evidence pack: %s

                Round `%s`. Every file below is listed in `manifest.json` with its SHA-256; check one with
                `sha256sum <file>`. The same round gives the same pack, byte for byte, until something about it changes.

                - `definition.json`: the definition exactly as stored when the round started. Consultees added later
                  are in `audit.json` (consultee.added) and have timelines of their own.
                - `responses/<consultee>/v<n>.json`: every version of every response, with its channel (web form,
                  partner system, letter, email, phone), who sent it, when it was submitted (this decides whether it
                  was on time) and when it was recorded.
                - `timelines/<consultee>.json`: each consultee's part in time order: invited, reminded, chased (with the
                  outcome), responded (on time or late), mail that could not be delivered. Each reminder is dated as
                  `mails.json` logs it; for reminders sent before that log existed, the count and the time of the
                  last one.
                - `mails.json`: every mail sent for the round, in the order sent: when, to whom, the subject, its
                  Message-ID and its purpose (invitation, invitation-link-<n> for an invitation sent again with a new
                  link, reminder-<n>, deadline-moved-<epoch second of the new deadline>, receipt, report ready, approved
                  report, feedback), with
                  the consultee it concerns. A mail sent again after a failure has the same Message-ID and is listed
                  again, once per send. Each Message-ID is derived from the round, the consultee and the purpose, so
                  a copy found in a mailbox can be matched to its line here. Mails sent before ConsultFlow kept this
                  log (database migration V6) are not listed.
                - `audit.json`: every coordinator and admin action on the round, with who and when.
                %s
                """.formatted(round.definition().title(), round.key(), report(round, approved));
    }

    private static String report(Round round, Approved approved) {
        if (approved == null) {
            return "\nThe report is not approved yet, so the pack holds no report; it holds the approved report in"
                    + " every format once it is.\n";
        }
        return """
                - `report/`: the approved report, version %d, in every format (HTML, PDF, Word, Markdown, JSON, CSV),
                  the very bytes frozen at approval on %s; `report/approval.json` gives its version, time and the
                  SHA-256 of its data (the JSON file).
                """.formatted(approved.version(), approved.approvedAt());
    }
}
