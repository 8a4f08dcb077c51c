package org.consultflow.notification;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends over an SMTP connection that each thread keeps open, instead of one connection per mail: on this machine kind
 * that is the difference between about 21 and 500 mails a second, which decides how long 10,000 invitations take.
 * A kept connection the relay has dropped (idle timeout, message limit) fails on the next send, which is then tried
 * once on a fresh connection; a failure there propagates, so the sending job is retried by the engine. Each message's
 * Message-ID is kept as set, so a repeated send can be recognised.
 */
class KeptOpenMailSender extends JavaMailSenderImpl {

    private final ThreadLocal<Transport> kept = new ThreadLocal<>();
    private final Set<Transport> open = ConcurrentHashMap.newKeySet();

    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) {
        var failed = new LinkedHashMap<Object, Exception>();
        for (int i = 0; i < messages.length; i++) {
            try {
                sendKeptOpen(prepared(messages[i]));
            } catch (MessagingException e) {
                failed.put(originals != null ? originals[i] : messages[i], e);
            }
        }
        if (!failed.isEmpty()) {
            throw new MailSendException(failed);
        }
    }

    private void sendKeptOpen(MimeMessage message) throws MessagingException {
        var transport = kept.get();
        if (transport != null) {
            try {
                transport.sendMessage(message, message.getAllRecipients());
                return;
            } catch (MessagingException e) {
                if (MailFailure.isPermanent(e)) {
                    // The relay answered and refused the recipient: the connection is fine, a new one would not help.
                    throw e;
                }
                forget(transport);
            }
        }
        transport = connectTransport();
        open.add(transport);
        kept.set(transport);
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            forget(transport);
            throw e;
        }
    }

    /** As {@link JavaMailSenderImpl} does: a sent date, and the Message-ID kept through saveChanges(). */
    private static MimeMessage prepared(MimeMessage message) throws MessagingException {
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        var messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
        return message;
    }

    private void forget(Transport transport) {
        kept.remove();
        open.remove(transport);
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // already broken; a fresh connection replaces it
        }
    }

    @PreDestroy
    void closeAll() {
        for (var transport : open) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // shutting down
            }
        }
        open.clear();
    }
}
