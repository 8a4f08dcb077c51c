/**
 * The report of a closed round: drafted when it closes, reviewed and approved by the coordinator, then frozen and
 * sent out. Its content is worked out in {@code draft}, written out in {@code render}.
 */
package org.consultflow.report;
