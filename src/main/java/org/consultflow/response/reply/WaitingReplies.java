package org.consultflow.response.reply;

import java.time.Instant;
import java.util.List;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/** Emailed replies matched to a round and still waiting for a coordinator to record them, for the round's console. */
@Component
@NamedInterface("replies")
public class WaitingReplies {

    /** What the console lists: who wrote, about what and when; the mail itself stays behind the replies API. */
    public record Waiting(long id, String consulteeId, String from, String subject, Instant receivedAt) {}

    /** A round's waiting replies are few; the cap only keeps a flooded mailbox from filling the page. */
    private static final int SHOWN = 1000;

    private final Replies replies;

    WaitingReplies(Replies replies) {
        this.replies = replies;
    }

    public List<Waiting> of(String roundKey) {
        return replies.withStatus(Replies.Status.WAITING, SHOWN).stream()
                .filter(reply -> roundKey.equals(reply.roundKey()))
                .map(reply -> new Waiting(reply.id(), reply.consulteeId(), reply.from(), reply.subject(),
                        reply.receivedAt()))
                .toList();
    }
}
