package org.consultflow.response;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the responses topic. What can never be recorded is dead-lettered at once with its reason; what fails because
 * the database is away is tried again until it comes back (see {@link IntakeFailures}); consumption carries on.
 */
@Component
class ResponseListener {

    private static final Logger log = LoggerFactory.getLogger(ResponseListener.class);

    private final Intake intake;

    ResponseListener(Intake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = "responses", topics = "${consultflow.kafka.responses}")
    void on(ConsumerRecord<String, byte[]> record) {
        var outcome = intake.accept(IncomingRecord.of(record));
        log.debug("Record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), outcome);
    }
}
