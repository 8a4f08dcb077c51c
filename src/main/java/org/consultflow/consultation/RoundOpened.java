package org.consultflow.consultation;

import java.time.Instant;

import org.consultflow.platform.LifecycleEvent;

public record RoundOpened(String roundKey, String title, Instant deadline, int consultees, boolean rehearsal)
        implements LifecycleEvent {

    @Override
    public String type() {
        return "consultation.opened";
    }
}
