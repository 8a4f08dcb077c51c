package org.consultflow.response.reply;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a reply and opens the coordinator's task in one transaction (the engine shares the application's), so a
 * matched reply never waits without its task; an unmatched one goes to triage.
 */
@Component
class ReplyIntake {

    private static final Logger log = LoggerFactory.getLogger(ReplyIntake.class);

    private final Replies replies;
    private final ReplyMatcher matcher;
    private final ReplyTasks tasks;

    ReplyIntake(Replies replies, ReplyMatcher matcher, ReplyTasks tasks) {
        this.replies = replies;
        this.matcher = matcher;
        this.tasks = tasks;
    }

    @Transactional
    void take(ReceivedReply reply) {
        if (replies.knows(reply.messageId())) {
            return;
        }
        var match = matcher.match(reply.answers());
        var id = replies.add(reply, match);
        if (match != null) {
            replies.taskCreated(id, tasks.open(id, match, reply));
            log.info("Emailed reply {} matched to {}:{}; task opened", id, match.roundKey(), match.consulteeId());
        } else {
            log.info("Emailed reply {} matched no engagement; kept for triage", id);
        }
    }
}
