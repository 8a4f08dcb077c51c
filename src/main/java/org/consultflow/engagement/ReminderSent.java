package org.consultflow.engagement;

import java.time.Instant;

import org.consultflow.platform.LifecycleEvent;

public record ReminderSent(String roundKey, String consulteeId, int number, Instant sentAt) implements LifecycleEvent {

    @Override
    public String type() {
        return "consultation.reminder.sent";
    }

    @Override
    public String subject() {
        return consulteeId;
    }
}
