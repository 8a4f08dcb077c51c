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
    private static final int DESCRIPTION_LENGTH = 4000;

    private final TaskService tasks;

    ReplyTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    String open(long replyId, Match match, ReceivedReply reply) {
        var task = tasks.newTask();
        task.setName(NAME);
        // Plain text, which Tasklist shows as such; the column holds 4,000 characters, so a long mail is cut here and
        // read whole, with its attachments, at the API address.
        var head = ("Reply from %s for %s in round %s, subject \"%s\". Record it with POST /api/replies/%d/record; "
                + "the whole mail and its attachments: GET /api/replies/%d.\n\n")
                .formatted(reply.from(), match.consulteeId(), match.roundKey(), reply.subject(), replyId, replyId);
        var body = reply.body() == null ? "" : reply.body();
        var room = DESCRIPTION_LENGTH - head.length() - 1;
        task.setDescription(head + (body.length() <= room ? body : body.substring(0, Math.max(room, 0)) + "…"));
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
