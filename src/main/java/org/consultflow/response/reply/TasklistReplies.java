package org.consultflow.response.reply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.consultflow.consultation.Rounds;
import org.consultflow.platform.LogContext;
import org.consultflow.response.OfflineResponses;
import org.consultflow.response.reply.Replies.Status;
import org.consultflow.response.reply.Replies.StoredReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the replies whose task a coordinator completed in Tasklist, as POST /api/replies/{id}/record would: the
 * task's variables named after the round's questions are the answers, {@code note} the note. A standalone task has no
 * listener to call, so completed tasks are looked for here, on one replica at a time. A completion that cannot be
 * recorded (no answers, an option the question lacks) opens a fresh task saying why: the reply is never left without
 * one.
 */
@Component
class TasklistReplies {

    private static final Logger log = LoggerFactory.getLogger(TasklistReplies.class);
    static final int BATCH = 100;

    private final Replies replies;
    private final ReplyTasks tasks;
    private final ReplyRecording recording;
    private final Rounds rounds;
    private final TransactionTemplate transactions;

    TasklistReplies(Replies replies, ReplyTasks tasks, ReplyRecording recording, Rounds rounds,
            TransactionTemplate transactions) {
        this.replies = replies;
        this.tasks = tasks;
        this.recording = recording;
        this.rounds = rounds;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${consultflow.replies.tasklist-every:PT5S}")
    @SchedulerLock(name = "tasklist-replies", lockAtMostFor = "PT5M")
    public void sweep() {
        for (var waiting : replies.withStatus(Status.WAITING, BATCH)) {
            if (waiting.taskId() == null || waiting.roundKey() == null) {
                continue;
            }
            try (var context = LogContext.of(waiting.roundKey(), waiting.consulteeId())) {
                tasks.completed(waiting.taskId()).ifPresent(completion -> {
                    try {
                        transactions.executeWithoutResult(status -> replies.lockWaiting(waiting.id())
                                .ifPresent(reply -> record(reply, completion)));
                    } catch (OfflineResponses.Unavailable e) {
                        log.warn("Emailed reply {} completed in Tasklist could not be handed to the broker; "
                                + "trying again shortly", waiting.id());
                    }
                });
            }
        }
    }

    private void record(StoredReply reply, ReplyTasks.Completion completion) {
        var definition = rounds.get(reply.roundKey()).definition();
        Map<String, Object> answers = new LinkedHashMap<>();
        completion.variables().forEach((name, value) -> {
            if (value instanceof String text && !text.isBlank() && definition.question(name).isPresent()) {
                answers.put(name, text.strip());
            }
        });
        var note = completion.variables().get("note") instanceof String text && !text.isBlank() ? text : null;
        var outcome = recording.record(reply, reply.roundKey(), reply.consulteeId(), answers, note, completion.by());
        if (outcome.recorded()) {
            log.info("Emailed reply {} recorded from its task completed in Tasklist", reply.id());
            return;
        }
        replies.taskCreated(reply.id(), tasks.reopen(reply, problems(outcome.problems())));
        log.info("Emailed reply {} completed in Tasklist could not be recorded; a new task says why", reply.id());
    }

    private static List<String> problems(List<String> problems) {
        return problems.stream().map(p -> p.equals("no answers")
                ? "no answers (no variable was named after a question)" : p).toList();
    }
}
