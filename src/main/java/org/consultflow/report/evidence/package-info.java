/** The evidence pack of a round: what a challenge to the consultation would ask to see, as one reproducible ZIP. */
package org.consultflow.report.evidence;
