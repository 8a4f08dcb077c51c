package org.consultflow.engagement;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.consultation.Round;
import org.consultflow.consultation.Rounds;
import org.consultflow.notification.DocumentLink;
import org.consultflow.notification.Invitation;
import org.consultflow.notification.MailKey;
import org.consultflow.notification.Mails;
import org.consultflow.notification.UndeliverableMailException;
import org.consultflow.platform.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Send invitation": the consultee's personal link, by mail. Runs as an async job: a failed send is retried, unless
 * the address can never be delivered to, which is recorded on the engagement so that the process can carry on.
 */
@Component("sendInvitation")
class SendInvitation implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendInvitation.class);

    private final Rounds rounds;
    private final Engagements engagements;
    private final PersonalLinks links;
    private final Mails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SendInvitation(Rounds rounds, Engagements engagements, PersonalLinks links, Mails mails,
            ApplicationEventPublisher events, Clock clock) {
        this.rounds = rounds;
        this.engagements = engagements;
        this.links = links;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var roundKey = (String) execution.getVariable("roundKey");
        var consulteeId = (String) execution.getVariable("consulteeId");
        try (var context = LogContext.of(roundKey, consulteeId)) {
            var round = rounds.get(roundKey);
            if (!round.isOpen()) {
                // Queued behind a large round that closed first: an invitation to a closed round would mislead.
                log.warn("Round {} closed before the invitation to {} went out; not sent", roundKey, consulteeId);
                return;
            }
            var consultee = round.definition().consultee(consulteeId).orElseThrow();
            var to = consultee.contact().email();
            var now = clock.instant();
            try {
                mails.send(MailKey.invitation(roundKey, consulteeId, engagements.linkGeneration(roundKey, consulteeId)),
                        mail(round, consultee, links.url(roundKey, consulteeId), false));
            } catch (UndeliverableMailException e) {
                // Retrying cannot help; the coordinator sees why and can still record a response by letter or phone.
                log.warn("Invitation to {} cannot be delivered: {}", consulteeId, e.reason());
                engagements.mailFailed(roundKey, consulteeId, now, "Invitation to " + to + ": " + e.reason());
                return;
            }
            engagements.invited(engagements.get(roundKey, consulteeId), now);
            events.publishEvent(new InvitationSent(roundKey, consulteeId, now));
        }
    }

    /** The invitation to a consultee of the round, with the link given; also what a re-sent invitation says. */
    static Invitation mail(Round round, Consultee consultee, String link, boolean replacesEarlier) {
        var definition = round.definition();
        return new Invitation(consultee.contact().email(), consultee.contact().name(), consultee.organisation(),
                definition.title(), definition.summary(),
                definition.documents().stream().map(d -> new DocumentLink(d.title(), d.url())).toList(),
                round.localDeadline(), link, definition.coordinator().name(), definition.coordinator().email(),
                replacesEarlier);
    }
}
