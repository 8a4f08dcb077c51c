package org.consultflow.response.reply;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

import org.consultflow.notification.EmailAddresses;
import org.consultflow.response.Channel;
import org.consultflow.response.OfflineResponses;
import org.consultflow.response.OfflineResponses.Offline;
import org.consultflow.response.OfflineResponses.Outcome;
import org.springframework.stereotype.Component;

/**
 * Records an emailed reply as an EMAIL response, on time by when the mailbox received it: the same for the API and for
 * a task completed in Tasklist.
 */
@Component
class ReplyRecording {

    private final Replies replies;
    private final ReplyTasks tasks;
    private final OfflineResponses offline;
    private final Clock clock;

    ReplyRecording(Replies replies, ReplyTasks tasks, OfflineResponses offline, Clock clock) {
        this.replies = replies;
        this.tasks = tasks;
        this.offline = offline;
        this.clock = clock;
    }

    Outcome record(Replies.StoredReply reply, String roundKey, String consulteeId, Map<String, Object> answers,
            String note, String actor) {
        var from = reply.from() != null && EmailAddresses.valid(reply.from()) ? reply.from() : null;
        var outcome = offline.record(roundKey, new Offline(consulteeId, Channel.EMAIL,
                reply.receivedAt().atOffset(ZoneOffset.UTC), note != null ? note : "Emailed reply " + reply.id(),
                answers, from == null ? null : new OfflineResponses.Writer(null, from)), actor);
        if (outcome.recorded()) {
            replies.recorded(reply.id(), roundKey, consulteeId, outcome.eventId(), actor, clock.instant());
            tasks.complete(reply.taskId());
        }
        return outcome;
    }
}
