package org.consultflow.response;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A response that arrives after the round closed has no engagement left to acknowledge it, yet its sender still
 * deserves a receipt saying it was kept. The event publication registry retries the mail until it goes out.
 */
@Component
class LateReceipts {

    private final Receipts receipts;

    LateReceipts(Receipts receipts) {
        this.receipts = receipts;
    }

    /** Only late ones: the condition is read before the event is stored for this listener, so on-time ones cost nothing. */
    @ApplicationModuleListener(condition = "#recorded.late()")
    void on(ResponseRecorded recorded) {
        if (recorded.late()) {
            receipts.send(recorded.roundKey(), recorded.consulteeId(), recorded.version());
        }
    }
}
