package org.consultflow.response.reply;

import java.time.Instant;
import java.util.List;

/** A reply as read from the mailbox: text only, never HTML to render, and its attachments kept or refused. */
record ReceivedReply(String messageId, List<String> answers, String from, String subject, Instant receivedAt,
        String body, List<Attachment> attachments) {

    /** {@code content} is null when the attachment was refused, and {@code refused} says why. */
    record Attachment(String fileName, String contentType, long size, byte[] content, String refused) {}
}
