/** Wiring shared by every feature: security, Kafka topics and the outbox, the embedded development stack. */
package org.consultflow.platform;
