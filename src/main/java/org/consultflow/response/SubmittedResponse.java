package org.consultflow.response;

import java.time.OffsetDateTime;
import java.util.Map;

/** The {@code data} of a {@code consultation.response.submitted} CloudEvent. */
record SubmittedResponse(String roundKey, String consulteeId, Map<String, Object> answers, Respondent respondent,
        OffsetDateTime submittedAt) {

    record Respondent(String name, String email) {}
}
