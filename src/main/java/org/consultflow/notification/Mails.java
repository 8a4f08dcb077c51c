package org.consultflow.notification;

import java.io.UnsupportedEncodingException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the mails of a round, each as one multipart/alternative message (plain text and HTML) with a Message-ID
 * derived from its {@link MailKey}. Failures are thrown, never swallowed: callers run in engine jobs whose retries and
 * incidents depend on them. A mail that can never be delivered is thrown as {@link UndeliverableMailException}, which
 * callers record instead of retrying. Each mail the server accepted is logged in {@link SentMails}.
 */
@Component
public class Mails {

    private static final String UTF_8 = "UTF-8";

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final InternetAddress replies;
    private final String domain;
    private final MailTemplates templates = new MailTemplates();
    private final SentMails sent;

    Mails(JavaMailSender sender, MailSettings settings, SentMails sent) {
        this.sender = sender;
        this.sent = sent;
        try {
            // Parsed once, so that a mistyped sender stops the start-up instead of failing every mail.
            this.from = new InternetAddress(settings.from(), true);
            this.replies = settings.replyTo() == null || settings.replyTo().isBlank() ? null
                    : new InternetAddress(settings.replyTo(), true);
        } catch (AddressException e) {
            throw new IllegalStateException("consultflow.mail.from is not a valid address: " + e.getMessage(), e);
        }
        this.domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
    }

    /** The Message-ID the mail for this key carries, so that a reply can be traced back by its In-Reply-To. */
    public String messageId(MailKey key) {
        return key.messageId(domain);
    }

    public void send(MailKey key, Invitation mail) {
        send(key, mail.to(), mail.contactName(), mail.coordinatorEmail(), subject(mail), "invitation",
                variables(mail));
    }

    /** The invitation as it would be sent, rendered by the same templates, without sending anything. */
    public Preview preview(Invitation mail) {
        var variables = new HashMap<String, Object>(variables(mail));
        variables.put("subject", subject(mail));
        var rendered = templates.render("invitation", variables);
        return new Preview(subject(mail), rendered.text(), rendered.html());
    }

    /** A mail as its recipient would read it: subject, plain text and the HTML alternative. */
    public record Preview(String subject, String text, String html) {}

    private static String subject(Invitation mail) {
        return "Invitation to respond: " + mail.roundTitle();
    }

    private static Map<String, Object> variables(Invitation mail) {
        return Map.of("mail", mail, "greeting", greeting(mail.contactName()),
                "deadline", Deadlines.format(mail.deadline()), "paragraphs", paragraphs(mail.summary()));
    }

    public void send(MailKey key, Reminder mail) {
        String deadline = Deadlines.format(mail.deadline());
        send(key, mail.to(), mail.contactName(), mail.coordinatorEmail(),
                "Reminder: " + mail.roundTitle() + " closes " + deadline, "reminder",
                Map.of("mail", mail, "greeting", greeting(mail.contactName()), "deadline", deadline));
    }

    public void send(MailKey key, DeadlineChange mail) {
        String deadline = Deadlines.format(mail.deadline());
        send(key, mail.to(), mail.contactName(), mail.coordinatorEmail(),
                "New deadline: " + mail.roundTitle() + " now closes " + deadline, "deadline-changed",
                Map.of("mail", mail, "greeting", greeting(mail.contactName()), "deadline", deadline));
    }

    public void send(MailKey key, Acknowledgement mail) {
        String what = mail.amended() ? "amended response (version " + mail.version() + ")" : "response";
        String when = mail.late() ? " after the deadline" : "";
        send(key, mail.to(), mail.contactName(), null,
                "We have received your " + what + when + ": " + mail.roundTitle(), "acknowledgement",
                Map.of("mail", mail, "greeting", greeting(mail.contactName()), "what", what,
                        "deadline", Deadlines.format(mail.deadline())));
    }

    public void send(MailKey key, ReportReady mail) {
        send(key, mail.to(), mail.coordinatorName(), null, "Draft report ready: " + mail.roundTitle(), "report-ready",
                Map.of("mail", mail, "greeting", greeting(mail.coordinatorName())));
    }

    public void send(MailKey key, ReportApprovedMail mail) {
        send(key, mail.to(), null, null, "Approved report: " + mail.roundTitle(), "report-approved",
                Map.of("mail", mail, "greeting", greeting(null), "approved", Deadlines.format(mail.approvedAt())),
                List.of(mail.pdf()));
    }

    public void send(MailKey key, FeedbackMail mail) {
        send(key, mail.to(), mail.contactName(), mail.coordinatorEmail(), "We asked, you said: " + mail.roundTitle(),
                "feedback", Map.of("mail", mail, "greeting", greeting(mail.contactName())));
    }

    private void send(MailKey key, String to, String name, String replyTo, String subject, String template,
            Map<String, Object> variables) {
        send(key, to, name, replyTo, subject, template, variables, List.of());
    }

    private void send(MailKey key, String to, String name, String replyTo, String subject, String template,
            Map<String, Object> variables, List<Attachment> attachments) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("subject", subject);
        MailTemplates.Rendered body = templates.render(template, all);
        try {
            sender.send(message -> prepare(message, key, to, name, replyTo, subject, body, attachments));
        } catch (MailException e) {
            if (MailFailure.isPermanent(e)) {
                throw new UndeliverableMailException(MailFailure.reason(e), e);
            }
            throw e;
        }
        sent.record(key, key.messageId(domain), to, subject);
    }

    private void prepare(MimeMessage message, MailKey key, String to, String name, String replyTo, String subject,
            MailTemplates.Rendered body, List<Attachment> attachments) throws MessagingException {
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, address(to, name));
        if (replyTo != null && !replyTo.isBlank()) {
            var coordinator = new InternetAddress(replyTo, true);
            message.setReplyTo(replies == null ? new InternetAddress[] {coordinator}
                    : new InternetAddress[] {replies, coordinator});
        }
        message.setSubject(subject, UTF_8);
        message.setContent(attachments.isEmpty() ? alternative(body) : mixed(alternative(body), attachments));
        // The sender keeps this through saveChanges(), which would otherwise replace it with a random one.
        message.setHeader("Message-ID", key.messageId(domain));
    }

    private static MimeMultipart alternative(MailTemplates.Rendered body) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body.text(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(body.html(), UTF_8, "html");
        // Order matters: clients show the last part they can render, so HTML goes last.
        return new MimeMultipart("alternative", text, html);
    }

    /** Files go beside the readable body, not inside it: multipart/mixed holding the alternative, then each file. */
    private static MimeMultipart mixed(MimeMultipart readable, List<Attachment> attachments)
            throws MessagingException {
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(readable);
        MimeMultipart mixed = new MimeMultipart("mixed", body);
        for (Attachment attachment : attachments) {
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(),
                    attachment.contentType())));
            file.setFileName(attachment.fileName());
            file.setDisposition(Part.ATTACHMENT);
            mixed.addBodyPart(file);
        }
        return mixed;
    }

    private static InternetAddress address(String email, String name) throws MessagingException {
        InternetAddress address = new InternetAddress(email, true);
        if (name != null && !name.isBlank()) {
            try {
                address.setPersonal(name, UTF_8);
            } catch (UnsupportedEncodingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return address;
    }

    private static String greeting(String name) {
        return name == null || name.isBlank() ? "Hello," : "Dear " + name + ",";
    }

    /** The summary may be several paragraphs separated by blank lines; HTML shows each as a {@code <p>}. */
    private static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
