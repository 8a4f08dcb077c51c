package org.consultflow.response;

import java.time.Instant;

import org.consultflow.platform.LifecycleEvent;

/**
 * A response version was recorded. {@code afterClose}: the round had already closed, so its draft may need the
 * version (on time by submission, consumed late) or its annex (late).
 */
public record ResponseRecorded(String roundKey, String consulteeId, int version, String channel, boolean late,
        boolean afterClose, Instant submittedAt, Instant recordedAt) implements LifecycleEvent {

    @Override
    public String type() {
        return "consultation.response.recorded";
    }

    @Override
    public String subject() {
        return consulteeId;
    }
}
