package org.consultflow.notification;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * The first mail a consultee gets: what is asked, the documents, the deadline and their personal link.
 * {@code deadline} is already in the round's time zone and is shown in that zone. {@code replacesEarlier} when the
 * coordinator sent it again with a new link: it says the link of earlier mails no longer works.
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
        String coordinatorEmail,
        boolean replacesEarlier) {

    /** The first invitation to the consultee. */
    public Invitation(String to, String contactName, String organisation, String roundTitle, String summary,
            List<DocumentLink> documents, ZonedDateTime deadline, String link, String coordinatorName,
            String coordinatorEmail) {
        this(to, contactName, organisation, roundTitle, summary, documents, deadline, link, coordinatorName,
                coordinatorEmail, false);
    }

    public Invitation {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
