package org.consultflow.response;

import java.time.Instant;
import java.util.Map;

/** One recorded version of a consultee's response. */
public record StoredResponse(String eventId, String roundKey, String consulteeId, int version,
        Map<String, Object> answers, String respondentName, String respondentEmail, Instant submittedAt,
        Instant recordedAt, boolean late) {
}
