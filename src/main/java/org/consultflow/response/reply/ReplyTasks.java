package org.consultflow.response.reply;

import org.camunda.bpm.engine.TaskService;
import org.consultflow.response.reply.Replies.Match;
import org.springframework.stereotype.Component;

/**
 * The coordinator's task for a matched reply, in Camunda Tasklist beside the chase and review tasks. It is a
 * standalone task: the engagement's process has already moved on, and recording the reply is what completes it.
 */
@Component
class ReplyTasks {

    static final String NAME = "Record the emailed response";
    /** The Camunda group chase and review tasks go to (see CamundaIdentity). */
    static final String COORDINATORS = "coordinators";

    private final TaskService tasks;

    ReplyTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    String open(long replyId, Match match, ReceivedReply reply) {
        var task = tasks.newTask();
        task.setName(NAME);
        // Plain text: Tasklist shows it as such. The whole mail and its attachments are at the API address.
        task.setDescription(("Reply from %s for %s in round %s, subject \"%s\". Read it with GET /api/replies/%d and "
                + "record it with POST /api/replies/%d/record.")
                .formatted(reply.from(), match.consulteeId(), match.roundKey(), reply.subject(), replyId, replyId));
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), COORDINATORS);
        tasks.setVariableLocal(task.getId(), "replyId", replyId);
        return task.getId();
    }

    void complete(String taskId) {
        if (taskId != null && tasks.createTaskQuery().taskId(taskId).count() > 0) {
            tasks.complete(taskId);
        }
    }
}
