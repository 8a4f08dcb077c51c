package org.consultflow.response.reply;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.consultflow.response.reply.ReceivedReply.Attachment;

/**
 * Turns a mail into a {@link ReceivedReply}. Its text is taken from the plain-text part (an HTML-only mail has its
 * tags stripped), so nothing a sender wrote is ever rendered as markup; attachments beyond the size or type limits are
 * noted but not kept, and are never read past the limit.
 */
final class ReplyReader {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,990}>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final ReplySettings settings;

    ReplyReader(ReplySettings settings) {
        this.settings = settings;
    }

    ReceivedReply read(MimeMessage mail, Instant now) throws MessagingException, IOException {
        var answers = new ArrayList<String>();
        for (var header : new String[] {"In-Reply-To", "References"}) {
            var values = mail.getHeader(header);
            if (values != null) {
                for (var value : values) {
                    MESSAGE_ID.matcher(value).results().forEach(match -> answers.add(match.group()));
                }
            }
        }
        var from = mail.getFrom() != null && mail.getFrom().length > 0 && mail.getFrom()[0] instanceof InternetAddress a
                ? a.getAddress() : null;
        var body = new StringBuilder();
        var html = new StringBuilder();
        var attachments = new ArrayList<Attachment>();
        walk(mail, body, html, attachments);
        var text = body.isEmpty() ? TAG.matcher(html).replaceAll(" ") : body.toString();
        // When the mailbox's server received it (IMAP INTERNALDATE), not the Date header the sender's client wrote.
        var received = mail.getReceivedDate() == null || mail.getReceivedDate().toInstant().isAfter(now) ? now
                : mail.getReceivedDate().toInstant();
        return new ReceivedReply(messageId(mail), answers, clean(from, 500), clean(mail.getSubject(), 1000), received,
                clean(text, settings.maxBodyCharacters()), attachments);
    }

    private void walk(Part part, StringBuilder body, StringBuilder html, List<Attachment> attachments)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), body, html, attachments);
            }
        } else if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(attachment(part));
        } else if (part.isMimeType("text/plain") && body.length() < settings.maxBodyCharacters()) {
            body.append(part.getContent());
        } else if (part.isMimeType("text/html") && html.length() < settings.maxBodyCharacters()) {
            html.append(part.getContent());
        }
    }

    private Attachment attachment(Part part) throws MessagingException, IOException {
        var name = part.getFileName() == null ? null : clean(MimeUtility.decodeText(part.getFileName()), 500);
        var type = part.getContentType() == null ? "application/octet-stream"
                : part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        var limit = settings.maxAttachmentSize().toBytes();
        if (!settings.attachmentTypes().contains(type)) {
            return new Attachment(name, clean(type, 200), Math.max(part.getSize(), 0), null,
                    "not kept: the type " + clean(type, 200) + " is not accepted (accepted: "
                            + String.join(", ", settings.attachmentTypes()) + ")");
        }
        try (InputStream in = part.getInputStream()) {
            var bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                var size = bytes.length + drain(in);
                return new Attachment(name, type, size, null, "not kept: %s is larger than the %s allowed"
                        .formatted(megabytes(size), megabytes(limit)));
            }
            return new Attachment(name, type, bytes.length, bytes, null);
        }
    }

    /** Counts the rest of a refused attachment without keeping it. */
    private static long drain(InputStream in) throws IOException {
        return in.transferTo(OutputStream.nullOutputStream());
    }

    private static String megabytes(long bytes) {
        return "%.1f MB".formatted(bytes / 1_048_576.0);
    }

    /** A mail without a Message-ID is named by its content, so reading it twice still stores it once. */
    private static String messageId(MimeMessage mail) throws MessagingException, IOException {
        var id = mail.getMessageID();
        if (id != null && MESSAGE_ID.matcher(id.strip()).matches()) {
            return id.strip();
        }
        try (var in = mail.getRawInputStream()) {
            var digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return "<no-id-" + HexFormat.of().formatHex(digest) + "@consultflow>";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Control characters other than line breaks and tabs (a NUL, which PostgreSQL refuses) and broken surrogates
     * become U+FFFD; over-long text is cut.
     */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        var out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            boolean layout = c == '\n' || c == '\r' || c == '\t';
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if ((Character.isISOControl(c) && !layout) || Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
