package org.consultflow.response;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consultflow.platform.LogContext;
import org.springframework.stereotype.Component;

/** "Send acknowledgement": the receipt for the version just correlated to the engagement. */
@Component("sendAcknowledgement")
class SendAcknowledgement implements JavaDelegate {

    private final Receipts receipts;

    SendAcknowledgement(Receipts receipts) {
        this.receipts = receipts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var roundKey = (String) execution.getVariable("roundKey");
        var consulteeId = (String) execution.getVariable("consulteeId");
        try (var context = LogContext.of(roundKey, consulteeId)) {
            receipts.send(roundKey, consulteeId, ((Number) execution.getVariable("responseVersion")).intValue());
        }
    }
}
