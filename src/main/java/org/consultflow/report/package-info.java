/**
 * The draft report of a closed round: tallies, response rates, non-respondents and late responses, written up for
 * the decision meeting.
 */
package org.consultflow.report;
