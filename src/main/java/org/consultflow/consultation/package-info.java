/** Consultation definitions, rounds and their lifecycle API: start, extend or close, and follow progress. */
package org.consultflow.consultation;
