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

    @ApplicationModuleListener
    void on(ResponseRecorded recorded) {
        if (recorded.late()) {
            receipts.send(recorded.roundKey(), recorded.consulteeId(), recorded.version());
        }
    }
}
