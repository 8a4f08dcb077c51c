package org.consultflow.process;

import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Answers the engagement model's schedule questions the way each test sets them up. Public, with public methods,
 * because the engine's expression language only calls methods of public types.
 */
public final class EngagementScheduleStub {

    private final Deque<Date> reminders = new ArrayDeque<>();
    private Date chaseAt;

    void remindAt(Date... dates) {
        reminders.addAll(List.of(dates));
    }

    void chaseRequiredConsulteesAt(Date date) {
        chaseAt = date;
    }

    void reset() {
        reminders.clear();
        chaseAt = null;
    }

    public boolean reminderPending(DelegateExecution execution) {
        return !reminders.isEmpty();
    }

    public Date nextReminder(DelegateExecution execution) {
        return reminders.pop();
    }

    public boolean chaseNeeded(DelegateExecution execution) {
        return chaseAt != null && Boolean.TRUE.equals(execution.getVariable("required"));
    }

    public Date chaseAt(DelegateExecution execution) {
        return chaseAt;
    }
}
