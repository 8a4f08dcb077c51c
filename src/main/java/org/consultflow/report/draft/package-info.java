/** What the report says, worked out from the round's responses: tallies, rates, non-respondents, the record. */
package org.consultflow.report.draft;
