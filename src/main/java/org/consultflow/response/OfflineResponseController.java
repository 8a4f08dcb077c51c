package org.consultflow.response;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A coordinator records a response that came by letter, email or phone (see {@link OfflineResponses}). */
@Tag(name = "Responses", description = "Responses a coordinator records from a letter, an email or a phone call")
@RestController
@RequestMapping("/api/consultations/{key}/responses")
class OfflineResponseController {

    private final OfflineResponses offline;

    OfflineResponseController(OfflineResponses offline) {
        this.offline = offline;
    }

    @Operation(summary = "Record a response received by letter, email or phone")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping
    ResponseEntity<?> record(@PathVariable String key, @RequestBody OfflineResponses.Offline response) {
        var outcome = offline.record(key, response);
        if (!outcome.recorded()) {
            return invalid(outcome.problems());
        }
        return ResponseEntity.accepted().body(Map.of("eventId", outcome.eventId(),
                "source", EventSignatures.CONSOLE.toString()));
    }

    @ExceptionHandler(OfflineResponses.Unavailable.class)
    ResponseEntity<ProblemDetail> notSent() {
        return unavailable();
    }

    static ResponseEntity<ProblemDetail> unavailable() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The response could not be handed to the broker, so nothing was recorded; please try again shortly");
        problem.setTitle("Response not recorded");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }

    static ResponseEntity<ProblemDetail> invalid(List<String> problems) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", problems));
        problem.setTitle("Response not recorded");
        problem.setProperty("errors", problems);
        return ResponseEntity.badRequest().body(problem);
    }
}
