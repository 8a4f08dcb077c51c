package org.consultflow.notification;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * The first mail a consultee gets: what is asked, the documents, the deadline and their personal link.
 * {@code deadline} is already in the round's time zone and is shown in that zone.
 */
public record Invitation(
        String to,
        String contactName,
        String organisation,
        String roundTitle,
        String summary,
        List<DocumentLink> documents,
        ZonedDateTime deadline,
        String link,
        String coordinatorName,
        String coordinatorEmail) {

    public Invitation {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
