package org.consultflow.engagement;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consultflow.platform.Audit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordinator's actions on engagements: send an invitation again with a new link, remind now, and the chase
 * tasks. Unknown rounds and consultees are 404, a closed round 409, bad input 400 with every problem in
 * {@code errors} (see ConsultationProblems).
 */
@Tag(name = "Engagements", description = "Invitations sent again, reminders now and chase calls of an open round")
@RestController
@RequestMapping("/api/consultations/{key}")
class EngagementController {

    record ReminderRequest(List<String> consulteeIds) {}

    record ChaseOutcome(String outcome, String note) {}

    private final Invitations invitations;
    private final Reminders reminders;
    private final ChaseTasks chases;

    EngagementController(Invitations invitations, Reminders reminders, ChaseTasks chases) {
        this.invitations = invitations;
        this.reminders = reminders;
        this.chases = chases;
    }

    /** Sends the consultee's invitation again with a new personal link; the old link is retired. */
    @Operation(summary = "Send a consultee's invitation again with a new personal link, retiring the old one")
    @PostMapping("/consultees/{consulteeId}/invitation")
    Invitations.Resent resend(@PathVariable String key, @PathVariable String consulteeId) {
        return invitations.resend(key, consulteeId, Audit.actor());
    }

    /**
     * Reminds the consultees named in {@code consulteeIds} now, or, without them, everyone still to answer. 202: the
     * mails go out from the engine shortly after, and count as sent once they have gone.
     */
    @Operation(summary = "Remind the consultees named, or everyone still to answer, now")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/reminders")
    ResponseEntity<Reminders.RemindersQueued> remindNow(@PathVariable String key,
            @RequestBody(required = false) ReminderRequest request) {
        return ResponseEntity.accepted().body(reminders.remindNow(key, request == null ? null : request.consulteeIds(),
                Audit.actor()));
    }

    @Operation(summary = "The round's open chase tasks: silent required consultees to phone")
    @GetMapping("/chase-tasks")
    List<ChaseTasks.ChaseTask> chaseTasks(@PathVariable String key) {
        return chases.open(key);
    }

    /** Completes a chase task with the call's outcome and an optional note, as Tasklist would. */
    @Operation(summary = "Complete a chase task with the call's outcome and a note, as Tasklist would")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/chase-tasks/{taskId}")
    ResponseEntity<Void> completeChase(@PathVariable String key, @PathVariable String taskId,
            @RequestBody ChaseOutcome body) {
        chases.complete(key, taskId, body.outcome(), body.note(), Audit.actor());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler
    ProblemDetail unknownTask(ChaseTasks.UnknownTask e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown chase task");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notDelivered(Invitations.NotDelivered e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Invitation not delivered");
        return problem;
    }

    /** The mail server did not take the mail: nothing changed (the link included), and trying again may work. */
    @ExceptionHandler
    ProblemDetail mailServerUnavailable(MailException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The mail server did not take the invitation, so nothing was changed; please try again shortly");
        problem.setTitle("Invitation not sent");
        return problem;
    }
}
