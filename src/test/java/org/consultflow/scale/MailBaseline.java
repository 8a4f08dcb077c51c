package org.consultflow.scale;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The SMTP server beneath ConsultFlow: a plain {@link JavaMailSenderImpl} sending mails of an invitation's size, one
 * after another over one connection kept open, to the same in-process server.
 */
public final class MailBaseline {

    public static final String SUBJECT = "Scale baseline";

    private MailBaseline() {
    }

    /** Sends {@code n} mails; returns mails accepted per second. */
    public static double send(String host, int port, int n) throws MessagingException {
        var sender = new JavaMailSenderImpl();
        sender.setHost(host);
        sender.setPort(port);
        var body = "An invitation is about this long. ".repeat(60);
        var t = System.nanoTime();
        try (var transport = sender.getSession().getTransport("smtp")) {
            transport.connect(host, port, null, null);
            for (int i = 0; i < n; i++) {
                var message = sender.createMimeMessage();
                var helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom("consultflow@example.org");
                helper.setTo("b%05d@example.org".formatted(i));
                helper.setSubject(SUBJECT + " " + i);
                helper.setText(body, "<p>" + body + "</p>");
                message.saveChanges();
                transport.sendMessage(message, new InternetAddress[] {(InternetAddress) message
                        .getRecipients(Message.RecipientType.TO)[0]});
            }
        }
        return n / ((System.nanoTime() - t) / 1e9);
    }
}
