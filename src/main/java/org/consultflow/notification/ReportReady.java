package org.consultflow.notification;

/** Tells the coordinator that the draft report for a closed round can be reviewed. */
public record ReportReady(
        String to,
        String coordinatorName,
        String roundTitle,
        String reportUrl,
        int invited,
        int responded,
        int late) {}
