package org.consultflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.consultflow.notification.SentMails.SentMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailsTest {

    private static final ZonedDateTime DEADLINE =
            ZonedDateTime.of(2007, 4, 30, 23, 59, 0, 0, ZoneId.of("Europe/London"));
    private static final String DEADLINE_IN_WORDS = "11:59pm on Monday 30 April 2007 (BST)";
    private static final String LINK = "https://consultflow.example.org/respond/Zm9vYmFyYmF6";
    private static final String ROUND = "ssog-vcs-2007";
    private static final String CONSULTEE = "blaby";
    private static final MailKey INVITATION = MailKey.invitation(ROUND, CONSULTEE);
    private static final MailKey RECEIPT = MailKey.receipt(ROUND, CONSULTEE, 1, true);

    private static final Instant SENT_AT = Instant.parse("2007-02-14T09:00:00Z");

    private GreenMail smtp;
    private EmbeddedDatabase database;
    private SentMails sent;
    private Mails mails;

    @BeforeEach
    void startSmtpAndMailLog() {
        // The log's own migration on an in-memory database: the test reads the very table the evidence pack reads.
        database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true)
                .addScript("db/migration/V6__mail_sent.sql").build();
        sent = new SentMails(JdbcClient.create(database), new DataSourceTransactionManager(database),
                Clock.fixed(SENT_AT, ZoneOffset.UTC));
        // A free port rather than the fixed test port: other builds on the same machine may hold it.
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        mails = mails(sender, "ConsultFlow <consultations@example.org>", null);
    }

    @AfterEach
    void stopSmtpAndMailLog() {
        smtp.stop();
        database.shutdown();
    }

    @Test
    void invitesWithThePersonalLinkAndTheDeadlineInTheRoundsZone() throws Exception {
        mails.send(INVITATION, new Invitation("jane.smith@blaby.example.org", "Jane Smith", "Blaby District Council",
                "Future of VCS infrastructure", "We are asking partners which model they prefer.\n\nThree models are described.",
                List.of(new DocumentLink("Options paper", "https://example.org/options.pdf")),
                DEADLINE, LINK, "Sam Patel", "sam.patel@example.org"));

        Received mail = onlyMessage();
        assertThat(mail.message.getSubject()).isEqualTo("Invitation to respond: Future of VCS infrastructure");
        assertThat(mail.to()).isEqualTo("jane.smith@blaby.example.org");
        assertThat(((InternetAddress) mail.message.getFrom()[0]).getAddress()).isEqualTo("consultations@example.org");
        assertThat(((InternetAddress) mail.message.getReplyTo()[0]).getAddress()).isEqualTo("sam.patel@example.org");
        assertThat(mail.text).contains("Dear Jane Smith,", LINK, DEADLINE_IN_WORDS, "Three models are described.",
                "Options paper: https://example.org/options.pdf", "do not forward", "sam.patel@example.org");
        assertThat(mail.html).contains("Dear Jane Smith,", "href=\"" + LINK + "\"", DEADLINE_IN_WORDS,
                "<p style=\"margin:0 0 20px 0;\">Three models are described.</p>",
                "href=\"https://example.org/options.pdf\"", "href=\"mailto:sam.patel@example.org\"");
    }

    @Test
    void namesTheReplyMailboxBesideTheCoordinatorSoARepliedInvitationReachesBoth() throws Exception {
        var withReplies = mails(sender(smtp.getSmtp().getPort()), "ConsultFlow <consultations@example.org>",
                "replies@consultations.example.org");
        withReplies.send(INVITATION, new Invitation("jane.smith@blaby.example.org", "Jane Smith",
                "Blaby District Council", "Future of VCS infrastructure", "Three models.", List.of(), DEADLINE, LINK,
                "Sam Patel", "sam.patel@example.org"));

        assertThat(Arrays.stream(onlyMessage().message.getReplyTo()).map(a -> ((InternetAddress) a).getAddress()))
                .containsExactly("replies@consultations.example.org", "sam.patel@example.org");
    }

    @Test
    void remindsWithTheDeadlineInTheSubject() throws Exception {
        mails.send(MailKey.reminder(ROUND, CONSULTEE, 2), new Reminder("jane.smith@blaby.example.org", "Jane Smith", "Blaby District Council",
                "Future of VCS infrastructure", DEADLINE, LINK, "Sam Patel", "sam.patel@example.org", 2));

        Received mail = onlyMessage();
        assertThat(mail.message.getSubject())
                .isEqualTo("Reminder: Future of VCS infrastructure closes " + DEADLINE_IN_WORDS);
        assertThat(mail.text).contains("still waiting for Blaby District Council's response", LINK);
        assertThat(mail.html).contains("href=\"" + LINK + "\"", DEADLINE_IN_WORDS);
    }

    @Test
    void acknowledgesWithACopyOfTheAnswersAndAWayToAmendThem() throws Exception {
        mails.send(RECEIPT, acknowledgement(1, false));

        Received mail = onlyMessage();
        assertThat(mail.message.getSubject()).isEqualTo("We have received your response: Future of VCS infrastructure");
        assertThat(mail.text).contains("Preference for the future organisation\nModel B",
                "Role in funding\nNot answered", "change your response until " + DEADLINE_IN_WORDS, LINK);
        assertThat(mail.html).contains("Preference for the future organisation", "Model B",
                "Council &amp; partners", "href=\"" + LINK + "\"");
    }

    @Test
    void pointsToTheInvitationWhenTheReceiptGoesToSomeoneOtherThanTheInvitedContact() throws Exception {
        var original = acknowledgement(1, false);
        mails.send(MailKey.receipt(ROUND, CONSULTEE, 1, false), new Acknowledgement(original.to(), original.contactName(), original.organisation(),
                original.roundTitle(), 1, false, original.answers(), DEADLINE, null));

        Received mail = onlyMessage();
        assertThat(mail.text).contains("use the personal link in the invitation").doesNotContain("/respond/");
        assertThat(mail.html).contains("use the personal link in the invitation").doesNotContain("/respond/");
    }

    @Test
    void saysWhenAnAmendedResponseArrivedLateAndNoLongerOffersToChangeIt() throws Exception {
        mails.send(MailKey.receipt(ROUND, CONSULTEE, 3, true), acknowledgement(3, true));

        Received mail = onlyMessage();
        assertThat(mail.message.getSubject()).isEqualTo(
                "We have received your amended response (version 3) after the deadline: Future of VCS infrastructure");
        assertThat(mail.text).contains("after the deadline of " + DEADLINE_IN_WORDS).doesNotContain(LINK);
        assertThat(mail.html).contains("late response").doesNotContain(LINK);
    }

    @Test
    void tellsTheCoordinatorTheDraftReportIsReady() throws Exception {
        mails.send(MailKey.reportReady(ROUND, 1), new ReportReady("sam.patel@example.org", "Sam Patel", "Future of VCS infrastructure",
                "https://consultflow.example.org/rounds/vcs-2007/report", 14, 11, 2));

        Received mail = onlyMessage();
        assertThat(mail.message.getSubject()).isEqualTo("Draft report ready: Future of VCS infrastructure");
        assertThat(mail.text).contains("Organisations invited: 14", "Organisations that responded: 11",
                "Late responses: 2", "https://consultflow.example.org/rounds/vcs-2007/report");
        assertThat(mail.html).contains("href=\"https://consultflow.example.org/rounds/vcs-2007/report\"");
    }

    @Test
    void sendsTheApprovedReportWithItsPdfAttachedBesideTheReadableMail() throws Exception {
        byte[] pdf = "%PDF-1.7 approved".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        mails.send(MailKey.reportApproved(ROUND, 3, "clerk@example.org"), new ReportApprovedMail("clerk@example.org",
                "Future of VCS infrastructure", 3, "ab12", DEADLINE, "https://consultflow.example.org/report",
                new Attachment("vcs-2007-report.pdf", "application/pdf", pdf)));

        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Approved report: Future of VCS infrastructure");
        assertThat(message.getContentType()).startsWith("multipart/mixed");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        Multipart readable = (Multipart) parts.getBodyPart(0).getContent();
        assertThat(body(readable.getBodyPart(0), "text/plain")).contains("Version: 3", "SHA-256 of the report's data: ab12",
                "approved at " + DEADLINE_IN_WORDS);
        BodyPart file = parts.getBodyPart(1);
        assertThat(file.getFileName()).isEqualTo("vcs-2007-report.pdf");
        assertThat(file.getDisposition()).isEqualTo(BodyPart.ATTACHMENT);
        assertThat(file.isMimeType("application/pdf")).isTrue();
        assertThat(file.getInputStream().readAllBytes()).isEqualTo(pdf);
    }

    @Test
    void tellsARespondentWhatWasAskedAndWhatTheCountedResponsesCameTo() throws Exception {
        mails.send(MailKey.feedback(ROUND, "blaby"), feedback(true, "https://council.example.org/vcs-2007"));

        Received mail = onlyMessage();
        assertThat(mail.message.getSubject()).isEqualTo("We asked, you said: Future of VCS infrastructure");
        assertThat(mail.message.getReplyTo()[0].toString()).isEqualTo("sam.patel@example.org");
        assertThat(mail.text).contains("Thank you for responding to Future of VCS infrastructure on behalf of Blaby",
                "12 of 20 organisations responded in time.",
                "We asked: Which model <script>alert(1)</script>?", "You said: Model B: 7 of 12 answers (58%)",
                "every written answer (9 in all)", "Read the report: https://council.example.org/vcs-2007");
        // Whatever a question or answer holds is shown as text, never as markup.
        assertThat(mail.html).contains("Which model &lt;script&gt;alert(1)&lt;/script&gt;?")
                .doesNotContain("<script>").contains("href=\"https://council.example.org/vcs-2007\"");
    }

    @Test
    void tellsASilentConsulteeWhatOthersSaidAndWhereToAskWithoutALink() throws Exception {
        mails.send(MailKey.feedback(ROUND, "blaby"), feedback(false, null));

        Received mail = onlyMessage();
        assertThat(mail.text).contains("We asked Blaby District Council for its views in Future of VCS infrastructure",
                "what those who responded told us", "ask the coordinator for a copy")
                .doesNotContain("Thank you for responding", "Read the report");
        assertThat(mail.html).doesNotContain("Read the report").contains("ask\n    the coordinator for a copy");
    }

    private static FeedbackMail feedback(boolean responded, String link) {
        return new FeedbackMail("jane.smith@blaby.example.org", "Jane Smith", "Blaby District Council",
                "Future of VCS infrastructure", responded, 12, 20,
                List.of(new FeedbackMail.Result("Which model <script>alert(1)</script>?",
                        "Model B: 7 of 12 answers (58%)")), 9, link, "Sam Patel", "sam.patel@example.org");
    }

    @Test
    void failsLoudlyWhenTheMailServerIsDown() {
        smtp.stop();

        assertThatThrownBy(() -> mails.send(RECEIPT, acknowledgement(1, false))).isInstanceOf(MailException.class);
    }

    @Test
    void sendsTheSameMailWithTheSameMessageIdEveryTimeSoARepeatAfterACrashIsRecognisable() throws Exception {
        mails.send(INVITATION, invitation());
        mails.send(INVITATION, invitation());

        var received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).matches("<[0-9a-f]{32}@example\\.org>")
                .isEqualTo(received[1].getMessageID());
    }

    @Test
    void givesEachMailOfAnEngagementAMessageIdOfItsOwn() {
        var keys = List.of(INVITATION, MailKey.reminder(ROUND, CONSULTEE, 1), MailKey.reminder(ROUND, CONSULTEE, 2),
                MailKey.receipt(ROUND, CONSULTEE, 1, true), MailKey.receipt(ROUND, CONSULTEE, 1, false),
                MailKey.receipt(ROUND, CONSULTEE, 2, true), MailKey.invitation(ROUND, "charnwood"),
                MailKey.invitation("another-round", CONSULTEE), MailKey.reportReady(ROUND, 1),
                MailKey.reportReady(ROUND, 2), MailKey.reportApproved(ROUND, 2, "clerk@example.org"),
                MailKey.reportApproved(ROUND, 2, "chair@example.org"), MailKey.reportApproved(ROUND, 3, "clerk@example.org"));

        assertThat(keys.stream().map(key -> key.messageId("example.org")).distinct()).hasSameSizeAs(keys);
    }

    @Test
    void keepsTheMessageIdOverAKeptOpenConnection() throws Exception {
        var sender = new KeptOpenMailSender();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        var kept = mails(sender, "ConsultFlow <consultations@example.org>", null);

        kept.send(INVITATION, invitation());
        kept.send(INVITATION, invitation());
        sender.closeAll();

        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getMessageID)
                .containsOnly(INVITATION.messageId("example.org"));
    }

    @Test
    void reportsAnAddressTheRelayRefusesAsUndeliverable() throws Exception {
        try (var relay = new ScriptedSmtpServer("250 OK", "550 5.1.1 <jane.smith@blaby.example.org>: no such user")) {
            var refusing = mails(sender(relay.port()), "consultations@example.org", null);

            assertThatThrownBy(() -> refusing.send(INVITATION, invitation()))
                    .isInstanceOfSatisfying(UndeliverableMailException.class, e -> assertThat(e.reason())
                            .isEqualTo("Address refused by the mail relay: 550 5.1.1 "
                                    + "<jane.smith@blaby.example.org>: no such user"));
        }
    }

    @Test
    void reportsAMalformedAddressAsUndeliverable() {
        var original = invitation();
        var malformed = new Invitation("jane.smith at blaby", original.contactName(), original.organisation(),
                original.roundTitle(), original.summary(), original.documents(), DEADLINE, LINK,
                original.coordinatorName(), original.coordinatorEmail());

        assertThatThrownBy(() -> mails.send(INVITATION, malformed)).isInstanceOf(UndeliverableMailException.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void leavesAnAddressTheRelayDefersToBeTriedAgain() throws Exception {
        try (var relay = new ScriptedSmtpServer("250 OK", "451 4.3.0 Try again later")) {
            var deferring = mails(sender(relay.port()), "consultations@example.org", null);

            assertThatThrownBy(() -> deferring.send(INVITATION, invitation())).isInstanceOf(MailException.class)
                    .isNotInstanceOf(UndeliverableMailException.class);
        }
    }

    @Test
    void logsEverySendWithItsMessageIdSoThatARepeatCountsTwice() {
        mails.send(INVITATION, invitation());
        mails.send(INVITATION, invitation());

        var messageId = INVITATION.messageId("example.org");
        assertThat(sent.ofRound(ROUND)).hasSize(2).allSatisfy(mail -> assertThat(mail).isEqualTo(new SentMail(SENT_AT,
                "jane.smith@blaby.example.org", "Invitation to respond: Future of VCS infrastructure", messageId,
                "invitation", CONSULTEE)));
        assertThat(sent.ofRound("another-round")).isEmpty();
    }

    @Test
    void logsNothingForAMailTheServerNeverTook() {
        smtp.stop();

        assertThatThrownBy(() -> mails.send(INVITATION, invitation())).isInstanceOf(MailException.class);
        assertThat(sent.ofRound(ROUND)).isEmpty();
    }

    private Mails mails(JavaMailSender sender, String from, String replyTo) {
        return new Mails(sender, new MailSettings(from, replyTo), sent);
    }

    private static JavaMailSenderImpl sender(int port) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return sender;
    }

    private static Invitation invitation() {
        return new Invitation("jane.smith@blaby.example.org", "Jane Smith", "Blaby District Council",
                "Future of VCS infrastructure", "We are asking partners which model they prefer.",
                List.of(), DEADLINE, LINK, "Sam Patel", "sam.patel@example.org");
    }

    private static Acknowledgement acknowledgement(int version, boolean late) {
        return new Acknowledgement("jane.smith@blaby.example.org", "Jane Smith", "Blaby District Council",
                "Future of VCS infrastructure", version, late,
                List.of(new AnswerCopy("Preference for the future organisation", "Model B"),
                        new AnswerCopy("Role of VCS infrastructure", "Council & partners rely on it."),
                        new AnswerCopy("Role in funding", "")),
                DEADLINE, LINK);
    }

    private Received onlyMessage() throws MessagingException, IOException {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        return new Received(message, body(parts.getBodyPart(0), "text/plain"), body(parts.getBodyPart(1), "text/html"));
    }

    private static String body(BodyPart part, String type) throws MessagingException, IOException {
        assertThat(part.isMimeType(type)).as("part is " + type).isTrue();
        return ((String) part.getContent()).replace("\r\n", "\n");
    }

    private record Received(MimeMessage message, String text, String html) {
        String to() throws MessagingException {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        }
    }
}
