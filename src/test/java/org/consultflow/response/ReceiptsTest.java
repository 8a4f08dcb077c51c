package org.consultflow.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.consultation.Definition.Contact;
import org.consultflow.consultation.Definition.Coordinator;
import org.consultflow.consultation.Definition.Group;
import org.consultflow.consultation.Definition.Question;
import org.consultflow.consultation.Definition.QuestionType;
import org.consultflow.consultation.Round;
import org.consultflow.consultation.RoundStatus;
import org.consultflow.consultation.Rounds;
import org.consultflow.consultation.Schedule;
import org.consultflow.engagement.Engagements;
import org.consultflow.engagement.PersonalLinks;
import org.consultflow.notification.Acknowledgement;
import org.consultflow.notification.MailKey;
import org.consultflow.notification.Mails;
import org.consultflow.notification.UndeliverableMailException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Receipts against the real response table (H2, migrated as in production), with the mail sender stubbed. */
class ReceiptsTest {

    private static final String ROUND = "ssog-vcs-2007";
    private static final String BLABY = "blaby";
    private static final String CONTACT = "Jane.Smith@blaby.example.org";
    private static final String LINK = "https://consultflow.example.org/respond/Zm9vYmFyYmF6";
    private static final Instant NOON = Instant.parse("2007-03-01T12:00:00Z");
    private static final Definition DEFINITION = new Definition(ROUND, "VCS infrastructure review", "Views.",
            List.of(), new Coordinator("Sam Patel", "sam.patel@example.org"), ZoneId.of("Europe/London"),
            OffsetDateTime.parse("2007-02-14T09:00:00Z"), OffsetDateTime.parse("2007-04-30T23:59:00+01:00"),
            List.of(), null, null,
            List.of(new Question("role", "What role do they play?", QuestionType.TEXT, List.of(), false)),
            List.of(new Group("districts", "District councils", true)),
            List.of(new Consultee(BLABY, "Blaby District Council", "districts", new Contact("Jane Smith", CONTACT))));

    private final Mails mails = mock(Mails.class);
    private final Engagements engagements = mock(Engagements.class);
    private Responses responses;
    private Receipts receipts;
    private int versions;

    @BeforeEach
    void migrateAFreshDatabase() {
        var data = new DriverManagerDataSource("jdbc:h2:mem:receipts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        var jdbc = JdbcClient.create(data);
        jdbc.sql("""
                insert into round (round_key, title, definition, status, opened_at, deadline, reminders, rehearsal)
                values (?, 'VCS infrastructure review', '{}', 'OPEN', ?, ?, '', false)""")
                .params(ROUND, OffsetDateTime.parse("2007-02-14T09:00:00Z"),
                        OffsetDateTime.parse("2007-04-30T22:59:00Z")).update();
        responses = new Responses(jdbc, new ObjectMapper());
        var rounds = mock(Rounds.class);
        when(rounds.get(ROUND)).thenReturn(new Round(DEFINITION, RoundStatus.OPEN,
                new Schedule(Instant.parse("2007-02-14T09:00:00Z"), Instant.parse("2007-04-30T22:59:00Z"), List.of(),
                        null, null, false), null, null));
        var links = mock(PersonalLinks.class);
        when(links.url(ROUND, BLABY)).thenReturn(LINK);
        receipts = new Receipts(rounds, responses, new ReceiptCopies(jdbc), engagements, links, mails,
                Clock.fixed(NOON, ZoneOffset.UTC));
    }

    @Test
    void tellsTheInvitedContactWithTheirPersonalLinkWhenTheyResponded() {
        var version = record(null, NOON);

        receipts.send(ROUND, BLABY, version);

        assertThat(sent()).singleElement().satisfies(receipt -> {
            assertThat(receipt.to()).isEqualTo(CONTACT);
            assertThat(receipt.link()).isEqualTo(LINK);
        });
    }

    @Test
    void tellsTheInvitedContactAndSendsALinklessCopyWhenSomeoneElseResponded() {
        var version = record("someone@elsewhere.example.net", NOON);

        receipts.send(ROUND, BLABY, version);

        var keys = ArgumentCaptor.forClass(MailKey.class);
        verify(mails, times(2)).send(keys.capture(), any(Acknowledgement.class));
        assertThat(keys.getAllValues()).containsExactly(MailKey.receipt(ROUND, BLABY, version, true),
                MailKey.receipt(ROUND, BLABY, version, false));
        assertThat(sent()).extracting(Acknowledgement::to, Acknowledgement::link).containsExactly(
                tuple(CONTACT, LINK),
                tuple("someone@elsewhere.example.net", null));
    }

    @Test
    void treatsTheContactsAddressInAnotherCaseAsTheContact() {
        var version = record("jane.smith@BLABY.example.org", NOON);

        receipts.send(ROUND, BLABY, version);

        assertThat(sent()).singleElement().extracting(Acknowledgement::to).isEqualTo(CONTACT);
    }

    @Test
    void sendsNoFourthCopyToOtherAddressesWithinAnHourButStillTellsTheContact() {
        for (int minute = 0; minute < 4; minute++) {
            receipts.send(ROUND, BLABY, record("relay" + minute + "@spam.example.net", NOON.plusSeconds(60 * minute)));
        }

        assertThat(sent()).extracting(Acknowledgement::to).containsExactly(
                CONTACT, "relay0@spam.example.net", CONTACT, "relay1@spam.example.net",
                CONTACT, "relay2@spam.example.net", CONTACT);
    }

    @Test
    void sendsCopiesToOtherAddressesAgainOnceTheHourHasPassed() {
        for (int minute = 0; minute < 3; minute++) {
            record("early" + minute + "@elsewhere.example.net", NOON.plusSeconds(60 * minute));
        }

        receipts.send(ROUND, BLABY, record("later@elsewhere.example.net", NOON.plus(Duration.ofMinutes(61))));

        assertThat(sent()).extracting(Acknowledgement::to).containsExactly(CONTACT, "later@elsewhere.example.net");
    }

    @Test
    void keepsTheResponseAndRecordsWhyWhenTheContactsAddressIsUndeliverable() {
        var version = record(null, NOON);
        doThrow(new UndeliverableMailException("Address refused by the mail relay: 550 no such user", null))
                .when(mails).send(any(MailKey.class), any(Acknowledgement.class));

        receipts.send(ROUND, BLABY, version);

        verify(engagements).mailFailed(eq(ROUND), eq(BLABY), eq(NOON),
                eq("Receipt for version 1 to " + CONTACT + ": Address refused by the mail relay: 550 no such user"));
        assertThat(responses.find(ROUND, BLABY, version)).isPresent();
    }

    private int record(String respondentEmail, Instant at) {
        var version = ++versions;
        var eventId = "event-" + version;
        responses.rememberEvent("/partner", eventId, "{}", at);
        responses.add(new StoredResponse("/partner", eventId, ROUND, BLABY, version, Channel.PARTNER,
                Map.of("role", "Essential"),
                respondentEmail == null ? null : "Someone", respondentEmail, at, at, false),
                Responses.Correlation.CORRELATED);
        return version;
    }

    private List<Acknowledgement> sent() {
        var receipts = ArgumentCaptor.forClass(Acknowledgement.class);
        verify(mails, atLeast(0)).send(any(MailKey.class), receipts.capture());
        return new ArrayList<>(receipts.getAllValues());
    }
}
