package org.consultflow.report.render;

import java.time.Instant;

/** The approved version a report is frozen as. Rendered without one, a report is a draft and says so. */
public record Approval(int version, Instant approvedAt) {}
