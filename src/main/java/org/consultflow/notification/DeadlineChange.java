package org.consultflow.notification;

import java.time.ZonedDateTime;

/**
 * Tells a consultee who has not responded yet that the deadline moved, later or sooner, with the new one in the
 * round's time zone and their current personal link.
 */
public record DeadlineChange(
        String to,
        String contactName,
        String organisation,
        String roundTitle,
        ZonedDateTime deadline,
        boolean extended,
        String link,
        String coordinatorName,
        String coordinatorEmail) {}
