package org.consultflow.response.reply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.consultflow.response.reply.Replies.Match;
import org.springframework.stereotype.Component;

/**
 * The coordinator's task for a matched reply, in Camunda Tasklist beside the chase and review tasks. It is a
 * standalone task: the engagement's process has already moved on, and recording the reply is what completes it.
 * Completed in Tasklist, with a variable per answered question, it records the reply too (see {@link TasklistReplies}).
 */
@Component
class ReplyTasks {

    static final String NAME = "Record the emailed response";
    /** The Camunda group chase and review tasks go to (see CamundaIdentity). */
    static final String COORDINATORS = "coordinators";
    private static final int DESCRIPTION_LENGTH = 4000;

    /** A reply task someone completed in Tasklist, with the variables they gave it. */
    record Completion(String by, Map<String, Object> variables) {}

    private final TaskService tasks;
    private final HistoryService history;

    ReplyTasks(TaskService tasks, HistoryService history) {
        this.tasks = tasks;
        this.history = history;
    }

    String open(long replyId, Match match, ReceivedReply reply) {
        // Plain text, which Tasklist shows as such; the column holds 4,000 characters, so a long mail is cut here and
        // read whole, with its attachments, at the API address.
        var head = ("Reply from %s for %s in round %s, subject \"%s\". Record it with POST /api/replies/%d/record, "
                + "or here: add a variable per answered question (named by its id, the answer as text) and complete. "
                + "The whole mail and its attachments: GET /api/replies/%d.\n\n")
                .formatted(reply.from(), match.consulteeId(), match.roundKey(), reply.subject(), replyId, replyId);
        return create(replyId, head, reply.body());
    }

    /** A fresh task for a reply whose Tasklist completion could not be recorded, saying why. */
    String reopen(Replies.StoredReply reply, List<String> problems) {
        var head = ("Not recorded when the last task was completed: %s. Add a variable per answered question (named by "
                + "its id, the answer as text) and complete again, or POST /api/replies/%d/record. Reply from %s for %s "
                + "in round %s, subject \"%s\".\n\n")
                .formatted(String.join("; ", problems), reply.id(), reply.from(), reply.consulteeId(),
                        reply.roundKey(), reply.subject());
        return create(reply.id(), head, reply.body());
    }

    private String create(long replyId, String head, String text) {
        var task = tasks.newTask();
        task.setName(NAME);
        var body = text == null ? "" : text;
        var room = DESCRIPTION_LENGTH - head.length() - 1;
        task.setDescription(head + (body.length() <= room ? body : body.substring(0, Math.max(room, 0)) + "…"));
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), COORDINATORS);
        tasks.setVariableLocal(task.getId(), "replyId", replyId);
        return task.getId();
    }

    /** How the task ended, if it was completed (not deleted) outside ConsultFlow's API, and by whom. */
    Optional<Completion> completed(String taskId) {
        var task = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
        if (task == null || !"completed".equals(task.getDeleteReason())) {
            return Optional.empty();
        }
        var variables = new HashMap<String, Object>();
        history.createHistoricVariableInstanceQuery().taskIdIn(taskId).list()
                .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
        var by = history.createUserOperationLogQuery().taskId(taskId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(user -> user != null).findFirst()
                .orElse(task.getAssignee() != null ? task.getAssignee() : "Tasklist");
        return Optional.of(new Completion(by, variables));
    }

    void complete(String taskId) {
        if (taskId != null && tasks.createTaskQuery().taskId(taskId).count() > 0) {
            tasks.complete(taskId);
        }
    }
}
