package org.consultflow.notification;

import java.time.ZonedDateTime;

/** A reminder to a consultee who has not responded yet; {@code number} counts from 1. */
public record Reminder(
        String to,
        String contactName,
        String organisation,
        String roundTitle,
        ZonedDateTime deadline,
        String link,
        String coordinatorName,
        String coordinatorEmail,
        int number) {}
