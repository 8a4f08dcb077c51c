package org.consultflow.engagement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.consultation.Definition.Contact;
import org.consultflow.consultation.Definition.Coordinator;
import org.consultflow.consultation.Definition.Group;
import org.consultflow.consultation.Round;
import org.consultflow.consultation.RoundStatus;
import org.consultflow.consultation.Rounds;
import org.consultflow.consultation.Schedule;
import org.consultflow.notification.Invitation;
import org.consultflow.notification.MailKey;
import org.consultflow.notification.Mails;
import org.consultflow.notification.UndeliverableMailException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailSendException;

class SendInvitationTest {

    private static final String ROUND = "ssog-vcs-2007";
    private static final Instant NOW = Instant.parse("2007-02-14T10:00:00Z");

    private final Rounds rounds = mock(Rounds.class);
    private final Engagements engagements = mock(Engagements.class);
    private final Mails mails = mock(Mails.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);
    private SendInvitation sendInvitation;

    @BeforeEach
    void openRound() {
        var definition = new Definition(ROUND, "VCS infrastructure review", "Views.", List.of(),
                new Coordinator("Sam Patel", "sam.patel@example.org"), ZoneId.of("Europe/London"),
                OffsetDateTime.parse("2007-02-14T09:00:00Z"), OffsetDateTime.parse("2007-04-30T23:59:00+01:00"),
                List.of(), null, null, List.of(), List.of(new Group("districts", "District councils", true)),
                List.of(new Consultee("blaby", "Blaby District Council", "districts",
                        new Contact("Jane Smith", "jane.smith@blaby.example.org"))));
        when(rounds.get(ROUND)).thenReturn(new Round(definition, RoundStatus.OPEN, new Schedule(NOW,
                Instant.parse("2007-04-30T22:59:00Z"), List.of(), null, null, false), null, null));
        when(execution.getVariable("roundKey")).thenReturn(ROUND);
        when(execution.getVariable("consulteeId")).thenReturn("blaby");
        var links = mock(PersonalLinks.class);
        when(links.url(ROUND, "blaby")).thenReturn("https://consultflow.example.org/respond/token");
        sendInvitation = new SendInvitation(rounds, engagements, links, mails, events, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void recordsAnUndeliverableInvitationAndLetsTheEngagementCarryOn() {
        doThrow(new UndeliverableMailException("Address refused by the mail relay: 550 no such user", null))
                .when(mails).send(any(MailKey.class), any(Invitation.class));

        sendInvitation.execute(execution);

        verify(engagements).mailFailed(ROUND, "blaby", NOW,
                "Invitation to jane.smith@blaby.example.org: Address refused by the mail relay: 550 no such user");
        verify(engagements, never()).invited(any(), any());
        verify(events, never()).publishEvent(any(Object.class));
    }

    @Test
    void leavesAnyOtherMailFailureToTheEnginesRetries() {
        doThrow(new MailSendException("Connection refused")).when(mails).send(any(MailKey.class), any(Invitation.class));

        assertThatThrownBy(() -> sendInvitation.execute(execution)).isInstanceOf(MailSendException.class);
        verify(engagements, never()).mailFailed(any(), any(), any(), any());
    }
}
