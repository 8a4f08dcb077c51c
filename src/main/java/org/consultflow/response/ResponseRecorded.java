package org.consultflow.response;

import java.time.Instant;

import org.consultflow.platform.LifecycleEvent;

public record ResponseRecorded(String roundKey, String consulteeId, int version, boolean late, Instant recordedAt)
        implements LifecycleEvent {

    @Override
    public String type() {
        return "consultation.response.recorded";
    }

    @Override
    public String subject() {
        return consulteeId;
    }
}
