package org.consultflow.response.reply;

import java.time.Clock;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the reply mailbox over IMAP. A mail is flagged as seen only once it is stored, so a crash or an outage means
 * it is read again later (and recognised by its Message-ID), never lost. One mail that cannot be read is logged and
 * left unseen; the others go on.
 */
@Component
@ConditionalOnProperty(name = "consultflow.replies.enabled", havingValue = "true")
class ReplyMailbox {

    private static final Logger log = LoggerFactory.getLogger(ReplyMailbox.class);

    private final ReplySettings settings;
    private final ReplyIntake intake;
    private final ReplyReader reader;
    private final Clock clock;

    ReplyMailbox(ReplySettings settings, ReplyIntake intake, Clock clock) {
        this.settings = settings;
        this.intake = intake;
        this.reader = new ReplyReader(settings);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${consultflow.replies.poll-every:PT30S}")
    @SchedulerLock(name = "reply-mailbox", lockAtMostFor = "PT5M")
    void poll() {
        var properties = new Properties();
        properties.put("mail." + settings.protocol() + ".connectiontimeout", "10000");
        properties.put("mail." + settings.protocol() + ".timeout", "30000");
        // Reading a body over IMAP flags the mail as seen unless it is a PEEK: without it, a reply whose storing
        // failed would look read and never be taken again.
        properties.put("mail." + settings.protocol() + ".peek", "true");
        try (var store = Session.getInstance(properties).getStore(settings.protocol())) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            try (var folder = store.getFolder(settings.folder())) {
                folder.open(Folder.READ_WRITE);
                for (var message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    try {
                        intake.take(reader.read((MimeMessage) message, clock.instant()));
                        message.setFlag(Flags.Flag.SEEN, true);
                    } catch (Exception e) {
                        log.warn("Reply number {} in the mailbox could not be kept; it stays unread for the next poll",
                                message.getMessageNumber(), e);
                    }
                }
            }
        } catch (MessagingException e) {
            log.warn("Reply mailbox {}:{} could not be read; trying again at the next poll: {}", settings.host(),
                    settings.port(), e.getMessage());
        }
    }
}
