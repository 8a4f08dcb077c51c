/** Measuring a round at scale: counters sampled over time, CPU and memory used, and the plain loops beneath them. */
package org.consultflow.scale;
