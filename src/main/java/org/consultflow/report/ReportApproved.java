package org.consultflow.report;

import java.time.Instant;

import org.consultflow.platform.LifecycleEvent;

public record ReportApproved(String roundKey, Instant approvedAt) implements LifecycleEvent {

    @Override
    public String type() {
        return "consultation.report.approved";
    }
}
