package org.consultflow.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.time.Instant;
import java.util.Locale;

/**
 * What a mail is for: the engagement it belongs to ({@code consulteeId} is null for the round's own mails) and its
 * purpose. Its Message-ID is derived from these alone, so a job that sent the mail and then ran again after a crash
 * sends the very same Message-ID, and the repeat can be recognised (and is dropped by many mail clients).
 */
public record MailKey(String roundKey, String consulteeId, String purpose) {

    public static MailKey invitation(String roundKey, String consulteeId) {
        return new MailKey(roundKey, consulteeId, "invitation");
    }

    /** An invitation sent again with a new link: a Message-ID of its own, or mail clients would drop it as a repeat. */
    public static MailKey invitation(String roundKey, String consulteeId, int linkGeneration) {
        return linkGeneration == 0 ? invitation(roundKey, consulteeId)
                : new MailKey(roundKey, consulteeId, "invitation-link-" + linkGeneration);
    }

    /** The news that the deadline moved, one per new deadline: a repeat for the same deadline is recognisable. */
    public static MailKey deadlineMoved(String roundKey, String consulteeId, Instant deadline) {
        return new MailKey(roundKey, consulteeId, "deadline-moved-" + deadline.getEpochSecond());
    }

    public static MailKey reminder(String roundKey, String consulteeId, int number) {
        return new MailKey(roundKey, consulteeId, "reminder-" + number);
    }

    /** The receipt for a response version: one to the invited contact, and maybe a copy to whoever responded. */
    public static MailKey receipt(String roundKey, String consulteeId, int version, boolean toContact) {
        return new MailKey(roundKey, consulteeId, "receipt-v" + version + (toContact ? "-contact" : "-respondent"));
    }

    public static MailKey reportReady(String roundKey, int reportVersion) {
        return new MailKey(roundKey, null, "report-ready-v" + reportVersion);
    }

    /** One per recipient of the approved version: a repeat to one address is recognisable, never one across two. */
    public static MailKey reportApproved(String roundKey, int reportVersion, String recipient) {
        return new MailKey(roundKey, null, "report-approved-v" + reportVersion + "-" + recipient.toLowerCase(Locale.ROOT));
    }

    /** "We asked, you said" for one consultee, once per round whatever version was approved. */
    public static MailKey feedback(String roundKey, String consulteeId) {
        return new MailKey(roundKey, consulteeId, "feedback");
    }

    String messageId(String domain) {
        // NUL cannot occur in any of the parts, so no two different keys hash the same text.
        var text = roundKey + '\0' + (consulteeId == null ? "" : consulteeId) + '\0' + purpose;
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest).substring(0, 32) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
