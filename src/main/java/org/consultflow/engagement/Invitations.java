package org.consultflow.engagement;

import java.time.Clock;
import java.time.Instant;

import org.consultflow.consultation.RoundConflictException;
import org.consultflow.consultation.Rounds;
import org.consultflow.consultation.UnknownConsulteeException;
import org.consultflow.notification.MailKey;
import org.consultflow.notification.Mails;
import org.consultflow.notification.UndeliverableMailException;
import org.consultflow.platform.Audit;
import org.consultflow.platform.LogContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a consultee's invitation again, with a new personal link; the old link is retired and says so when opened.
 * Drafts and responses belong to the engagement, not the link, so nothing saved or sent under the old link is lost.
 */
@Service
public class Invitations {

    /** The invitation went out with link generation {@code linkGeneration}. */
    public record Resent(String roundKey, String consulteeId, int linkGeneration, Instant sentAt) {}

    /** The consultee's address can never be delivered to: nothing changed, the old link still works. */
    public static class NotDelivered extends RuntimeException {

        NotDelivered(String message) {
            super(message);
        }
    }

    private final Rounds rounds;
    private final Engagements engagements;
    private final PersonalLinks links;
    private final Mails mails;
    private final Audit audit;
    private final Clock clock;

    Invitations(Rounds rounds, Engagements engagements, PersonalLinks links, Mails mails, Audit audit, Clock clock) {
        this.rounds = rounds;
        this.engagements = engagements;
        this.links = links;
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The mail goes out inside the transaction that retires the old link: if the mail server refuses it, the link
     * stays as it was (a 503 or {@link NotDelivered}), so a consultee is never left without a working link.
     */
    @Transactional
    public Resent resend(String roundKey, String consulteeId, String actor) {
        try (var context = LogContext.of(roundKey, consulteeId)) {
            // Not the round's lock: responses take it, and would wait for the mail server while this holds it.
            var round = rounds.get(roundKey);
            var consultee = round.definition().consultee(consulteeId)
                    .orElseThrow(() -> new UnknownConsulteeException(roundKey, consulteeId));
            if (!round.isOpen()) {
                throw new RoundConflictException("The round '" + roundKey + "' is closed; invitations can no longer "
                        + "be sent");
            }
            var engagement = engagements.lock(roundKey, consulteeId).orElseThrow(() -> new RoundConflictException(
                    "The engagement of '" + consulteeId + "' has not started yet; its first invitation is on its way"));
            if (engagement.invitedAt() == null && engagement.mailFailedAt() == null) {
                throw new RoundConflictException("The first invitation to '" + consulteeId + "' has not gone out yet; "
                        + "send it again once it has");
            }
            var now = clock.instant();
            var generation = links.renew(roundKey, consulteeId, now);
            try {
                mails.send(MailKey.invitation(roundKey, consulteeId, generation),
                        SendInvitation.mail(round, consultee, links.url(roundKey, consulteeId), true));
            } catch (UndeliverableMailException e) {
                throw new NotDelivered("The invitation to " + consultee.contact().email() + " cannot be delivered: "
                        + e.reason() + ". Nothing was changed; the consultee's link still works.");
            }
            if (engagement.invitedAt() == null) {
                engagements.invited(engagement, now);
            }
            audit.record(actor, "invitation.resent", roundKey, consulteeId + ": new link (generation " + generation
                    + ") sent to " + consultee.contact().email() + "; the earlier link retired");
            return new Resent(roundKey, consulteeId, generation, now);
        }
    }
}
