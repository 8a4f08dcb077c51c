package org.consultflow.engagement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.consultflow.consultation.DefinitionProblem;
import org.consultflow.consultation.InvalidRequestException;
import org.consultflow.consultation.RoundConflictException;
import org.consultflow.consultation.Rounds;
import org.consultflow.platform.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The round's open "Phone the consultee" tasks, and completing one with what the call achieved: the same task
 * Tasklist completes, with the outcome in the same {@code chaseOutcome} variable, so {@link RecordChaseOutcome} keeps
 * it on the engagement (and audits it) whichever way it was completed.
 */
@Service
public class ChaseTasks {

    public record ChaseTask(String taskId, String consulteeId, String organisation, String group, Instant created) {}

    /** No open chase task of the round has this id. */
    public static class UnknownTask extends RuntimeException {

        UnknownTask(String roundKey, String taskId) {
            super("The round '" + roundKey + "' has no open chase task with the id '" + Text.printable(taskId, 64) + "'");
        }
    }

    static final String TASK = "Activity_ChaseConsultee";
    static final int MAX_OUTCOME = 200;
    static final int MAX_NOTE = 1000;

    private final Rounds rounds;
    private final TaskService tasks;
    ChaseTasks(Rounds rounds, TaskService tasks) {
        this.rounds = rounds;
        this.tasks = tasks;
    }

    public List<ChaseTask> open(String roundKey) {
        var definition = rounds.get(roundKey).definition();
        var open = new ArrayList<ChaseTask>();
        for (var task : tasks.createTaskQuery().taskDefinitionKey(TASK).processVariableValueEquals("roundKey", roundKey)
                .orderByTaskCreateTime().asc().list()) {
            var consulteeId = (String) tasks.getVariable(task.getId(), "consulteeId");
            var consultee = definition.consultee(consulteeId);
            open.add(new ChaseTask(task.getId(), consulteeId, consultee.map(c -> c.organisation()).orElse(null),
                    consultee.map(c -> c.group()).orElse(null), task.getCreateTime().toInstant()));
        }
        return open;
    }

    /**
     * Completes the chase task with the call's outcome, and a note if there is one.
     *
     * @throws InvalidRequestException for a missing or overlong outcome, or control characters
     * @throws UnknownTask when the round has no open chase task with that id
     */
    @Transactional
    public void complete(String roundKey, String taskId, String outcome, String note, String actor) {
        var round = rounds.get(roundKey);
        var problems = new ArrayList<DefinitionProblem>();
        if (outcome == null || outcome.isBlank()) {
            problems.add(new DefinitionProblem("outcome", "say what came of the call, such as \"promised a response "
                    + "by Friday\" or \"no answer\""));
        } else if (outcome.length() > MAX_OUTCOME || Text.forbiddenCharacter(outcome, false) != null) {
            problems.add(new DefinitionProblem("outcome", "must be at most " + MAX_OUTCOME
                    + " characters on one line, without control characters"));
        }
        if (note != null && (note.length() > MAX_NOTE || Text.forbiddenCharacter(note, true) != null)) {
            problems.add(new DefinitionProblem("note", "must be at most " + MAX_NOTE
                    + " characters, without control characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (!round.isOpen()) {
            throw new RoundConflictException("The round '" + roundKey + "' is closed; its chase tasks ended with it");
        }
        var task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).taskDefinitionKey(TASK)
                .processVariableValueEquals("roundKey", roundKey).singleResult();
        if (task == null) {
            throw new UnknownTask(roundKey, taskId);
        }
        var text = note == null || note.isBlank() ? outcome.strip() : outcome.strip() + ": " + note.strip();
        // Who completed it rides along as a transient variable, for RecordChaseOutcome's audit: signing the coordinator
        // in to the engine instead would subject the call to engine authorizations their API login may not have.
        tasks.complete(task.getId(), Variables.createVariables()
                .putValue(RecordChaseOutcome.VARIABLE, text)
                .putValueTyped(RecordChaseOutcome.COMPLETED_BY, Variables.stringValue(actor, true)));
    }
}
