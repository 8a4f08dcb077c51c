package org.consultflow.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Stands in for a step's delegate bean: remembers for which business key it ran, and can be told to fail. */
final class RecordingDelegate implements JavaDelegate {

    private final List<String> businessKeys = new ArrayList<>();
    private RuntimeException failure;

    @Override
    public void execute(DelegateExecution execution) {
        businessKeys.add(execution.getProcessBusinessKey());
        if (failure != null) {
            throw failure;
        }
    }

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    int invocations() {
        return businessKeys.size();
    }

    List<String> businessKeys() {
        return List.copyOf(businessKeys);
    }

    void reset() {
        businessKeys.clear();
        failure = null;
    }
}
