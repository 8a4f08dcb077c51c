package org.consultflow.notification;

import java.util.List;

/**
 * "We asked, you said": after approval, what a round asked every consultee and what the counted responses came to.
 * {@code results} hold one line per choice question; {@code link} is where the council publishes the report, or null.
 * Sent to those who did not answer too: they were asked, and the Compact expects feedback to all.
 */
public record FeedbackMail(
        String to,
        String contactName,
        String organisation,
        String roundTitle,
        boolean responded,
        int respondedCount,
        int invitedCount,
        List<Result> results,
        int writtenAnswers,
        String link,
        String coordinatorName,
        String coordinatorEmail) {

    public FeedbackMail {
        results = List.copyOf(results);
    }

    /** A choice question and its headline, e.g. "Model A: 12 of 20 answers (60%)". */
    public record Result(String question, String headline) {}
}
