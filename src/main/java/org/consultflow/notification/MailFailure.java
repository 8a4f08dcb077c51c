package org.consultflow.notification;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailSendException;

/**
 * Tells a mail that can never be delivered from one that may go through later. Only a refusal of the recipient's
 * address is permanent: a malformed address, or a 5xx reply to RCPT. Everything else (no connection, a timeout, a 4xx
 * reply, a relay that refuses our own sender or credentials) is worth retrying, and if it persists it is a fault an
 * admin fixes and then retries from Cockpit, so it must not quietly mark every consultee as unreachable.
 * Each ConsultFlow mail has exactly one recipient, so an invalid address reported by the relay is that recipient.
 */
final class MailFailure {

    private static final int MAX_REASON = 500;
    private static final java.util.regex.Pattern POLICY = java.util.regex.Pattern.compile("\\b5\\.7\\.\\d{1,3}\\b");

    private MailFailure() {
    }

    static boolean isPermanent(Exception failure) {
        return permanentCause(failure).isPresent();
    }

    /** A short, single-line reason for the coordinator: the relay's reply or what is wrong with the address. */
    static String reason(Exception failure) {
        var text = permanentCause(failure).map(MailFailure::describe).orElseGet(() -> describe(failure));
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }

    private static Optional<Throwable> permanentCause(Exception failure) {
        var chain = chain(failure);
        if (chain.stream().anyMatch(SMTPSenderFailedException.class::isInstance)) {
            return Optional.empty();
        }
        if (chain.stream().anyMatch(MailFailure::refusedByPolicy)) {
            return Optional.empty();
        }
        return chain.stream().filter(MailFailure::refusesTheRecipient).findFirst();
    }

    private static boolean refusesTheRecipient(Throwable t) {
        if (t instanceof AddressException) {
            return true;
        }
        if (t instanceof SMTPAddressFailedException refused) {
            // 552 to RCPT is "too many recipients" or a full mailbox: RFC 5321 says to treat it as temporary.
            return permanent(refused.getReturnCode()) && refused.getReturnCode() != 552;
        }
        if (t instanceof SMTPSendFailedException failed && failed.getCommand() != null
                && failed.getCommand().startsWith("RCPT")) {
            return permanent(failed.getReturnCode());
        }
        if (t instanceof SendFailedException failed) {
            var invalid = failed.getInvalidAddresses();
            return invalid != null && invalid.length > 0;
        }
        return false;
    }

    /**
     * An enhanced status 5.7.x (relaying denied, authentication required) refuses ConsultFlow, not the recipient: a
     * relay that lost our credentials would otherwise mark every consultee of a round undeliverable. It is retried
     * and ends as an incident an admin can see and fix.
     */
    private static boolean refusedByPolicy(Throwable t) {
        return (t instanceof SMTPAddressFailedException || t instanceof SMTPSendFailedException)
                && t.getMessage() != null && POLICY.matcher(t.getMessage()).find();
    }

    private static boolean permanent(int smtpReply) {
        return smtpReply >= 500 && smtpReply <= 599;
    }

    private static String describe(Throwable t) {
        if (t instanceof SendFailedException failed && failed.getNextException() instanceof SMTPAddressFailedException
                refused) {
            return describe(refused);
        }
        if (t instanceof SMTPAddressFailedException refused) {
            return "Address refused by the mail relay: " + refused.getMessage();
        }
        if (t instanceof AddressException bad) {
            return "Not a valid email address" + (bad.getRef() == null ? "" : " (" + bad.getRef() + ")") + ": "
                    + bad.getMessage();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** The failure and everything it wraps: causes, the next exceptions of Jakarta Mail, Spring's per-message map. */
    private static List<Throwable> chain(Exception failure) {
        List<Throwable> found = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        var todo = new ArrayDeque<Throwable>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            var t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            found.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
            if (t instanceof MailSendException m) {
                todo.addAll(m.getFailedMessages().values());
            }
        }
        return found;
    }
}
