package org.consultflow.response;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
        receipts.send((String) execution.getVariable("roundKey"), (String) execution.getVariable("consulteeId"),
                ((Number) execution.getVariable("responseVersion")).intValue());
    }
}
