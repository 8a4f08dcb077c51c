package org.consultflow.response;

import java.time.Instant;
import java.util.Map;

/** One recorded version of a consultee's response; {@code submittedAt} is the trusted time that decides lateness. */
public record StoredResponse(String source, String eventId, String roundKey, String consulteeId, int version,
        Channel channel, Map<String, Object> answers, String respondentName, String respondentEmail,
        Instant submittedAt, Instant recordedAt, boolean late) {
}
