package org.consultflow.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Stands in for a step's delegate bean: remembers for which business key it ran, and can be told to fail. */
final class RecordingDelegate implements JavaDelegate {

    private final List<String> businessKeys = new ArrayList<>();
    private RuntimeException failure;
    private String variable;
    private final java.util.Deque<Object> values = new java.util.ArrayDeque<>();

    @Override
    public void execute(DelegateExecution execution) {
        businessKeys.add(execution.getProcessBusinessKey());
        if (variable != null && !values.isEmpty()) {
            execution.setVariable(variable, values.poll());
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Sets {@code name} on each run to the next of {@code perRun}, as the real step reports how far it got. */
    void setsOnEachRun(String name, Object... perRun) {
        variable = name;
        values.clear();
        values.addAll(List.of(perRun));
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
        variable = null;
        values.clear();
    }
}
