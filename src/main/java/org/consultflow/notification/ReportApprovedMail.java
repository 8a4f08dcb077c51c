package org.consultflow.notification;

import java.time.ZonedDateTime;

/**
 * The approved report, sent to the coordinator and the round's distribution list with its PDF attached. The version
 * and SHA-256 let a recipient tell later that the copy they hold is the one approved.
 */
public record ReportApprovedMail(
        String to,
        String roundTitle,
        int version,
        String sha256,
        ZonedDateTime approvedAt,
        String reportUrl,
        Attachment pdf) {}
