package org.consultflow.response.reply;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.consultflow.response.OfflineResponses;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emailed replies as the console shows them: those matched to a round and still waiting for a coordinator, the
 * unmatched ones in triage, one reply read in full, and recording it through the same {@link ReplyRecording} as the
 * API and Tasklist.
 */
@Component
@NamedInterface("replies")
public class WaitingReplies {

    /** What the console lists: who wrote, about what and when; the mail itself stays behind the replies API. */
    @NamedInterface("replies")
    public record Waiting(long id, String consulteeId, String from, String subject, Instant receivedAt) {}

    /**
     * One reply in full: its text only (the reader keeps no HTML), and its attachments, each either kept (a download
     * at the API) or refused with the reason. {@code roundKey} and {@code consulteeId} are null for a reply in triage.
     */
    @NamedInterface("replies")
    public record Reply(long id, String roundKey, String consulteeId, String from, String subject, Instant receivedAt,
            String body, boolean recorded, String recordedBy, List<Attachment> attachments) {}

    @NamedInterface("replies")
    public record Attachment(int position, String fileName, String contentType, long size, String refused) {}

    /** Someone recorded the reply first: it is never recorded twice. */
    @NamedInterface("replies")
    public static class AlreadyRecorded extends RuntimeException {

        AlreadyRecorded(String by) {
            super("This reply was already recorded by " + by);
        }
    }

    /** A round's waiting replies are few; the cap only keeps a flooded mailbox from filling the page. */
    private static final int SHOWN = 1000;

    private final Replies replies;
    private final ReplyRecording recording;

    WaitingReplies(Replies replies, ReplyRecording recording) {
        this.replies = replies;
        this.recording = recording;
    }

    public List<Waiting> of(String roundKey) {
        return replies.withStatus(Replies.Status.WAITING, SHOWN).stream()
                .filter(reply -> roundKey.equals(reply.roundKey()))
                .map(reply -> new Waiting(reply.id(), reply.consulteeId(), reply.from(), reply.subject(),
                        reply.receivedAt()))
                .toList();
    }

    /** Replies no round claimed (no In-Reply-To or References the mailbox knew), newest first. */
    public List<Waiting> unmatched() {
        return replies.withStatus(Replies.Status.UNMATCHED, SHOWN).stream()
                .map(reply -> new Waiting(reply.id(), null, reply.from(), reply.subject(), reply.receivedAt()))
                .toList();
    }

    public Optional<Reply> find(long id) {
        return replies.find(id).map(reply -> new Reply(reply.id(), reply.roundKey(), reply.consulteeId(),
                reply.from(), reply.subject(), reply.receivedAt(), reply.body(),
                reply.status() == Replies.Status.RECORDED, reply.recordedBy(),
                reply.attachments().stream().map(a -> new Attachment(a.position(), a.fileName(), a.contentType(),
                        a.size(), a.refused())).toList()));
    }

    /**
     * Records the reply as the consultee's EMAIL response, as POST /api/replies/{id}/record does. A matched reply
     * keeps its round and consultee; the ones given count only for a reply from triage.
     *
     * @throws AlreadyRecorded when it was recorded meanwhile
     * @throws OfflineResponses.Unavailable when the broker did not take it: nothing was recorded
     */
    @Transactional
    public OfflineResponses.Outcome record(long id, String roundKey, String consulteeId, Map<String, Object> answers,
            String note, String actor) {
        // The row stays locked until recorded, so two coordinators on the same reply cannot both send a response.
        var reply = replies.lockUnrecorded(id).orElseThrow(() -> new AlreadyRecorded(replies.find(id)
                .map(Replies.StoredReply::recordedBy).orElseThrow(() -> new IllegalArgumentException(
                        "no emailed reply " + id))));
        return recording.record(reply, reply.roundKey() != null ? reply.roundKey() : roundKey,
                reply.consulteeId() != null ? reply.consulteeId() : consulteeId, answers, note, actor);
    }
}
