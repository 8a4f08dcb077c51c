package org.consultflow.engagement;

import java.time.Instant;

import org.consultflow.platform.LifecycleEvent;

public record InvitationSent(String roundKey, String consulteeId, Instant sentAt) implements LifecycleEvent {

    @Override
    public String type() {
        return "consultation.invitation.sent";
    }

    @Override
    public String subject() {
        return consulteeId;
    }
}
