package org.consultflow.platform;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** Shows what the embedded mail server caught, so a developer can follow a personal link without a mail client. */
@Controller
@RequestMapping("/dev/mail")
@ConditionalOnProperty(name = "consultflow.embedded.mail.enabled", havingValue = "true")
class CaughtMailController {

    private static final DateTimeFormatter RECEIVED =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK).withZone(ZoneId.systemDefault());
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    record Summary(int index, String to, String from, String subject, String received) {}

    record Field(String name, String value) {}

    record Message(Summary summary, List<Field> headers, List<String> links, String text, String html) {}

    private final GreenMail server;

    CaughtMailController(GreenMail server) {
        this.server = server;
    }

    @GetMapping
    String list(Model model) {
        List<StoredMessage> caught = caught();
        List<Summary> newestFirst = new ArrayList<>();
        for (int index = caught.size() - 1; index >= 0; index--) {
            newestFirst.add(summary(index, caught.get(index)));
        }
        model.addAttribute("messages", newestFirst);
        model.addAttribute("smtpPort", server.getSmtp().getPort());
        model.addAttribute("imapPort", server.getImap().getPort());
        return "dev/mail";
    }

    @GetMapping("/{index}")
    String show(@PathVariable int index, Model model) throws MessagingException, IOException {
        List<StoredMessage> caught = caught();
        if (index < 0 || index >= caught.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No caught message " + index);
        }
        StoredMessage stored = caught.get(index);
        Bodies bodies = new Bodies();
        bodies.collect(stored.getMimeMessage());
        List<String> links = bodies.text == null ? List.of()
                : URL.matcher(bodies.text).results().map(java.util.regex.MatchResult::group).distinct().toList();
        model.addAttribute("message",
                new Message(summary(index, stored), headers(stored.getMimeMessage()), links, bodies.text, bodies.html));
        return "dev/mail-message";
    }

    /** Oldest first, so that an index keeps pointing at the same message while more arrive. */
    private List<StoredMessage> caught() {
        List<StoredMessage> all = new ArrayList<>(server.getManagers().getImapHostManager().getAllMessages());
        all.sort(Comparator.comparing(StoredMessage::getReceivedDate, Comparator.nullsFirst(Comparator.<Date>naturalOrder())));
        return all;
    }

    private static Summary summary(int index, StoredMessage stored) {
        MimeMessage message = stored.getMimeMessage();
        try {
            return new Summary(index, addresses(message.getRecipients(MimeMessage.RecipientType.TO)),
                    addresses(message.getFrom()), message.getSubject() == null ? "(no subject)" : message.getSubject(),
                    stored.getReceivedDate() == null ? "" : RECEIVED.format(stored.getReceivedDate().toInstant()));
        } catch (MessagingException e) {
            throw new IllegalStateException("Caught message " + index + " cannot be read", e);
        }
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        return String.join(", ", Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress internet ? internet.toUnicodeString() : a.toString()).toList());
    }

    private static List<Field> headers(MimeMessage message) throws MessagingException {
        List<Field> fields = new ArrayList<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            fields.add(new Field(header.getName(), decode(header.getValue())));
        }
        return fields;
    }

    private static String decode(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (IOException e) {
            return value;
        }
    }

    /** The first plain-text and the first HTML body found, skipping attachments. */
    private static final class Bodies {
        String text;
        String html;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart parts = (Multipart) part.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    collect(parts.getBodyPart(i));
                }
            } else if (!Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                if (part.isMimeType("text/plain") && text == null) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html") && html == null) {
                    html = (String) part.getContent();
                }
            }
        }
    }
}
