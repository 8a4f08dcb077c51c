package org.consultflow.notification;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * The receipt for a recorded response, with a copy of the answers. {@code version} is 1 for the first
 * response and counts up with each amendment; a {@code late} response can no longer be amended.
 */
public record Acknowledgement(
        String to,
        String contactName,
        String organisation,
        String roundTitle,
        int version,
        boolean late,
        List<AnswerCopy> answers,
        ZonedDateTime deadline,
        String link) {

    public Acknowledgement {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    boolean amended() {
        return version > 1;
    }
}
