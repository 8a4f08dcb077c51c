package org.consultflow.report.render;

import java.time.Instant;

/** The fixture round's report as approved at the meeting: version 2, on 9 May 2007 at 11:00am London time. */
final class Approvals {

    static final Approval SECOND = new Approval(2, Instant.parse("2007-05-09T10:00:00Z"));

    private Approvals() {}
}
