package org.consultflow.consultation;

import java.time.Instant;

import org.consultflow.platform.LifecycleEvent;

public record RoundClosed(String roundKey, Instant closedAt, Instant deadline) implements LifecycleEvent {

    @Override
    public String type() {
        return "consultation.closed";
    }
}
