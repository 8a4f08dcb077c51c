package org.consultflow.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** Stands in for a task listener bean: remembers the value of one task variable each time it is notified. */
final class RecordingTaskListener implements TaskListener {

    private final String variable;
    private final List<Object> values = new ArrayList<>();

    RecordingTaskListener(String variable) {
        this.variable = variable;
    }

    @Override
    public void notify(DelegateTask task) {
        values.add(task.getVariable(variable));
    }

    List<Object> values() {
        return List.copyOf(values);
    }

    void reset() {
        values.clear();
    }
}
