package org.consultflow.response.reply;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consultflow.consultation.RoundAccess;
import org.consultflow.platform.Audit;
import org.consultflow.response.OfflineResponses;
import org.consultflow.response.reply.Replies.Status;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordinator's view of emailed replies: the triage list, one reply as JSON text (never rendered), its kept
 * attachments as downloads (never shown inline), and recording it as an EMAIL response, which completes its task.
 */
@Tag(name = "Emailed replies", description = "Replies to invitations and reminders read from the reply mailbox")
@RestController
@RequestMapping("/api/replies")
class ReplyController {

    /** What the coordinator read in the mail; round and consultee are needed only for a reply from triage. */
    record Recording(String roundKey, String consulteeId, Map<String, Object> answers, String note) {}

    private final Replies replies;
    private final ReplyRecording recording;
    private final RoundAccess access;

    ReplyController(Replies replies, ReplyRecording recording, RoundAccess access) {
        this.access = access;
        this.replies = replies;
        this.recording = recording;
    }

    @Operation(summary = "Emailed replies with a status, unmatched ones (triage) by default")
    @GetMapping
    List<Replies.StoredReply> list(@RequestParam(defaultValue = "UNMATCHED") Status status,
            @RequestParam(defaultValue = "100") int limit) {
        return replies.withStatus(status, Math.min(Math.max(limit, 1), 1000));
    }

    @Operation(summary = "One emailed reply, as text")
    @GetMapping("/{id}")
    ResponseEntity<Replies.StoredReply> show(@PathVariable long id) {
        return ResponseEntity.of(replies.find(id));
    }

    @Operation(summary = "An attachment of an emailed reply, as a download")
    @GetMapping("/{id}/attachments/{position}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable int position) {
        return replies.content(id, position).map(attachment -> ResponseEntity.ok()
                // A download of unknown bytes: the browser neither sniffs nor renders it on ConsultFlow's origin.
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName() == null ? "attachment-" + position : attachment.fileName(),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .body(attachment.content()))
                .orElse(ResponseEntity.notFound().build());
    }

    @Operation(summary = "Record an emailed reply as a response with channel email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{id}/record")
    ResponseEntity<?> record(@PathVariable long id, @RequestBody Recording body) {
        var reply = replies.find(id).orElse(null);
        if (reply == null) {
            return ResponseEntity.notFound().build();
        }
        if (reply.status() == Status.RECORDED) {
            return problem(HttpStatus.CONFLICT, "This reply was already recorded by " + reply.recordedBy(), List.of());
        }
        var roundKey = reply.roundKey() != null ? reply.roundKey() : body.roundKey();
        var consulteeId = reply.consulteeId() != null ? reply.consulteeId() : body.consulteeId();
        if (roundKey == null) {
            return problem(HttpStatus.BAD_REQUEST, "roundKey is required for a reply from triage", List.of());
        }
        // The round is named by the reply or, from triage, by the body: checked here, as no path names it.
        if (!access.mayManage(roundKey, SecurityContextHolder.getContext().getAuthentication())) {
            return problem(HttpStatus.FORBIDDEN, "Only the coordinators this round names, and admins, may record "
                    + "its responses", List.of());
        }
        var outcome = recording.record(reply, roundKey, consulteeId, body.answers(), body.note(), Audit.actor());
        if (!outcome.recorded()) {
            return problem(HttpStatus.BAD_REQUEST, String.join("; ", outcome.problems()), outcome.problems());
        }
        return ResponseEntity.accepted().body(Map.of("eventId", outcome.eventId()));
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(OfflineResponses.Unavailable.class)
    ResponseEntity<ProblemDetail> unavailable() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE,
                "The response could not be handed to the broker, so nothing was recorded; please try again shortly",
                List.of());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<String> errors) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Reply not recorded");
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(problem);
    }
}
