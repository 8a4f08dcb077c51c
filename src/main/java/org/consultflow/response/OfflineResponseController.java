package org.consultflow.response;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.consultflow.consultation.Rounds;
import org.consultflow.platform.Audit;
import org.consultflow.platform.Text;
import org.consultflow.response.SubmittedResponse.Respondent;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A coordinator records a response that came by letter, email or phone. It goes through the same inbox as every
 * other (a signed event from ConsultFlow's console source), counts the same and carries its channel. On time is
 * judged by when it was received, which the coordinator states and the audit keeps with their name.
 */
@RestController
@RequestMapping("/api/consultations/{key}/responses")
class OfflineResponseController {

    record Offline(String consulteeId, Channel channel, OffsetDateTime receivedAt, String note,
            Map<String, Object> answers, Respondent respondent) {}

    private final Rounds rounds;
    private final ResponseFormSender sender;
    private final Audit audit;
    private final Clock clock;

    OfflineResponseController(Rounds rounds, ResponseFormSender sender, Audit audit, Clock clock) {
        this.rounds = rounds;
        this.sender = sender;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<?> record(@PathVariable String key, @RequestBody Offline offline) throws ResponseFormSender.NotSent {
        var round = rounds.get(key);
        var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        var problems = new ArrayList<String>();
        if (offline.channel() == null || offline.channel() == Channel.WEB || offline.channel() == Channel.PARTNER) {
            problems.add("channel must be LETTER, EMAIL or PHONE");
        }
        if (offline.receivedAt() != null && offline.receivedAt().isAfter(now)) {
            problems.add("receivedAt is in the future");
        }
        if (offline.receivedAt() != null && offline.receivedAt().toInstant().isBefore(round.schedule().opens())) {
            problems.add("receivedAt is before the round opened");
        }
        if (offline.note() != null && (offline.note().length() > 1000 || Text.forbiddenCharacter(offline.note(), true) != null)) {
            problems.add("note must be at most 1000 printable characters");
        }
        var data = new SubmittedResponse(key, offline.consulteeId(), offline.answers(), offline.respondent(),
                offline.receivedAt() == null ? now : offline.receivedAt(), offline.channel());
        if (offline.consulteeId() == null) {
            problems.add("consulteeId is required");
        } else {
            problems.addAll(ResponseCheck.problems(round.definition(), data));
        }
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        var id = sender.send(EventSignatures.CONSOLE, data);
        audit.record("response.recorded-offline", key, offline.channel() + " from " + offline.consulteeId()
                + ", received " + data.submittedAt() + (offline.note() == null ? "" : ": " + offline.note()));
        return ResponseEntity.accepted().body(Map.of("eventId", id, "source", EventSignatures.CONSOLE.toString()));
    }

    @ExceptionHandler(ResponseFormSender.NotSent.class)
    ResponseEntity<ProblemDetail> notSent() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The response could not be handed to the broker, so nothing was recorded; please try again shortly");
        problem.setTitle("Response not recorded");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }

    private static ResponseEntity<ProblemDetail> invalid(List<String> problems) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", problems));
        problem.setTitle("Response not recorded");
        problem.setProperty("errors", problems);
        return ResponseEntity.badRequest().body(problem);
    }
}
