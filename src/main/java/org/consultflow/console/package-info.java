/** The coordinators' console: pages to start, watch and act on rounds, on top of the features' own services. */
package org.consultflow.console;
