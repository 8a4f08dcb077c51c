package org.consultflow.platform;

/**
 * A fact about a round that partner systems may consume. Published as a Spring application event inside the
 * transaction that changed the state; {@link LifecycleEventsToKafka} sends it on after commit.
 */
public interface LifecycleEvent {

    /** CloudEvents type, e.g. {@code consultation.opened}. */
    String type();

    /** The round's key: the Kafka record key, so one round's events share a partition. */
    String roundKey();

    /** CloudEvents subject: the consultee the event is about, if any. */
    default String subject() {
        return null;
    }
}
