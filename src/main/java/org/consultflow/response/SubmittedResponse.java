package org.consultflow.response;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The {@code data} of a {@code consultation.response.submitted} CloudEvent. {@code channel} is read only from
 * ConsultFlow's console (a letter, email or phone call recorded by a coordinator); {@code submittedAt} is trusted only
 * from ConsultFlow's own, signed events.
 */
record SubmittedResponse(String roundKey, String consulteeId, Map<String, Object> answers, Respondent respondent,
        OffsetDateTime submittedAt, Channel channel) {

    SubmittedResponse(String roundKey, String consulteeId, Map<String, Object> answers, Respondent respondent,
            OffsetDateTime submittedAt) {
        this(roundKey, consulteeId, answers, respondent, submittedAt, null);
    }

    record Respondent(String name, String email) {}
}
