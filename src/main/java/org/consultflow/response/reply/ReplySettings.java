package org.consultflow.response.reply;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The reply mailbox. It must be ConsultFlow's alone: a mail is read once, then flagged as seen.
 *
 * @param protocol {@code imap}, or {@code imaps} for TLS from the first byte
 * @param maxAttachmentSize larger attachments are not kept; the reply says so
 * @param attachmentTypes the only attachment types kept: documents a coordinator can open without running anything
 * @param maxBodyCharacters the reply's text beyond this is cut off (a forwarded thread can be endless)
 */
@ConfigurationProperties("consultflow.replies")
record ReplySettings(boolean enabled, @DefaultValue("imap") String protocol, @DefaultValue("localhost") String host,
        @DefaultValue("3143") int port, String username, String password, @DefaultValue("INBOX") String folder,
        @DefaultValue("PT30S") Duration pollEvery, @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue({"application/pdf", "application/msword",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.oasis.opendocument.text", "application/rtf", "text/plain", "image/png",
                "image/jpeg"}) List<String> attachmentTypes,
        @DefaultValue("100000") int maxBodyCharacters) {}
