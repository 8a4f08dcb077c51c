package org.consultflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.test.util.TestSocketUtils;

class KeptOpenMailSenderTest {

    final int port = TestSocketUtils.findAvailableTcpPort();
    final AtomicInteger connections = new AtomicInteger();
    GreenMail smtp;
    KeptOpenMailSender sender;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        sender = new KeptOpenMailSender() {
            @Override
            protected Transport connectTransport() throws MessagingException {
                connections.incrementAndGet();
                return super.connectTransport();
            }
        };
        sender.setHost("127.0.0.1");
        sender.setPort(port);
    }

    @AfterEach
    void stop() {
        sender.closeAll();
        smtp.stop();
    }

    @Test
    void sendsManyMailsOverOneConnection() {
        for (int i = 0; i < 5; i++) {
            sender.send(mail("Invitation " + i));
        }

        assertThat(smtp.getReceivedMessages()).hasSize(5);
        assertThat(connections).hasValue(1);
    }

    @Test
    void reconnectsWhenTheRelayDroppedTheKeptConnection() {
        sender.send(mail("before"));
        smtp.stop();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        sender.send(mail("after"));

        assertThat(smtp.getReceivedMessages()).extracting(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).containsExactly("after");
        assertThat(connections).hasValue(2);
    }

    @Test
    void failsWhenNoRelayAnswers() {
        smtp.stop();

        assertThatThrownBy(() -> sender.send(mail("lost?"))).isInstanceOf(MailSendException.class);
    }

    private static SimpleMailMessage mail(String subject) {
        var mail = new SimpleMailMessage();
        mail.setFrom("consultations@example.org");
        mail.setTo("officer@example.org");
        mail.setSubject(subject);
        mail.setText("Hello");
        return mail;
    }
}
