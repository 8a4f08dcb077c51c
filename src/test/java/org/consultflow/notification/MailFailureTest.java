package org.consultflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import java.net.InetAddress;
import java.net.ServerSocket;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailParseException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.test.util.TestSocketUtils;

class MailFailureTest {

    @Test
    void anAddressTheRelayRefusesWith5xxIsUndeliverable() throws Exception {
        try (var relay = new ScriptedSmtpServer("250 OK", "550 5.1.1 <nobody@example.org>: Recipient address rejected")) {
            var failure = sendVia(relay.port());

            assertThat(MailFailure.isPermanent(failure)).isTrue();
            assertThat(MailFailure.reason(failure))
                    .isEqualTo("Address refused by the mail relay: 550 5.1.1 <nobody@example.org>: Recipient address rejected")
                    .doesNotContain("\n", "at org.");
        }
    }

    @Test
    void aMalformedAddressIsUndeliverable() {
        var failure = new MailParseException(catchException(() -> new InternetAddress("jane smith at blaby", true)));

        assertThat(failure.getCause()).isInstanceOf(AddressException.class);
        assertThat(MailFailure.isPermanent(failure)).isTrue();
        assertThat(MailFailure.reason(failure)).startsWith("Not a valid email address (jane smith at blaby)");
    }

    @Test
    void anAddressTheRelayDefersWith4xxIsTriedAgain() throws Exception {
        try (var relay = new ScriptedSmtpServer("250 OK", "451 4.3.0 Try again later")) {
            assertThat(MailFailure.isPermanent(sendVia(relay.port()))).isFalse();
        }
    }

    @Test
    void aFullMailboxIsTriedAgain() throws Exception {
        try (var relay = new ScriptedSmtpServer("250 OK", "552 5.2.2 Mailbox full")) {
            assertThat(MailFailure.isPermanent(sendVia(relay.port()))).isFalse();
        }
    }

    @Test
    void aRelayRefusingToRelayForUsIsTriedAgainRatherThanBlamedOnEveryRecipient() throws Exception {
        try (var relay = new ScriptedSmtpServer("250 OK", "550 5.7.1 <nobody@example.org>: Relay access denied")) {
            assertThat(MailFailure.isPermanent(sendVia(relay.port()))).isFalse();
        }
    }

    @Test
    void aRelayRefusingOurOwnSenderIsTriedAgainBecauseAnAdminCanFixIt() throws Exception {
        try (var relay = new ScriptedSmtpServer("550 5.7.1 Sender not allowed to relay", "250 OK")) {
            assertThat(MailFailure.isPermanent(sendVia(relay.port()))).isFalse();
        }
    }

    @Test
    void aRelayThatIsDownIsTriedAgain() {
        assertThat(MailFailure.isPermanent(sendVia(TestSocketUtils.findAvailableTcpPort()))).isFalse();
    }

    @Test
    void aRelayThatDoesNotAnswerInTimeIsTriedAgain() throws Exception {
        // Listening but never accepting: the connection opens, the greeting never comes.
        try (var silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var sender = sender(silent.getLocalPort());
            sender.getJavaMailProperties().put("mail.smtp.timeout", "300");
            sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "300");

            assertThat(MailFailure.isPermanent(send(sender))).isFalse();
        }
    }

    private static Exception sendVia(int port) {
        return send(sender(port));
    }

    private static Exception send(KeptOpenMailSender sender) {
        var mail = new SimpleMailMessage();
        mail.setFrom("consultations@example.org");
        mail.setTo("nobody@example.org");
        mail.setSubject("Invitation");
        mail.setText("Hello");
        var failure = catchException(() -> sender.send(mail));
        sender.closeAll();
        assertThat(failure).as("the send fails").isNotNull();
        return failure;
    }

    private static KeptOpenMailSender sender(int port) {
        var sender = new KeptOpenMailSender();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return sender;
    }
}
