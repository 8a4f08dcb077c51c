package org.consultflow.report;

import java.time.Instant;

import org.consultflow.platform.LifecycleEvent;

public record ReportDrafted(String roundKey, int version, Instant draftedAt, int invited, int responded, int late)
        implements LifecycleEvent {

    @Override
    public String type() {
        return "consultation.report.drafted";
    }
}
