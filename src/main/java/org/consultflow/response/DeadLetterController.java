package org.consultflow.response;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consultflow.platform.Audit;
import org.consultflow.platform.Text;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * For admins: the records that could not be recorded, with their reasons, and a replay of chosen ones after a fix
 * (the round started, a source allowed, a fault mended). A replay goes through the same intake as the broker's
 * records, judged on time by the broker's original stamp, and is audited whatever its outcome.
 */
@Tag(name = "Dead letters", description = "For admins: records the intake could never record, and their replay")
@RestController
@RequestMapping("/api/dead-letters")
class DeadLetterController {

    record View(long id, String topic, Integer partition, Long offset, String key, Instant recordTimestamp,
            String reason, Instant deadAt, Instant replayedAt, String replayedBy, String replayOutcome,
            int payloadBytes, String payload) {

        static View of(DeadLetters.DeadLetter letter) {
            var payload = letter.payload() == null ? "" : new String(letter.payload(), StandardCharsets.UTF_8);
            return new View(letter.id(), letter.topic(), letter.partition(), letter.offset(), letter.key(),
                    letter.recordTimestamp(), letter.reason(), letter.deadAt(), letter.replayedAt(),
                    letter.replayedBy(), letter.replayOutcome(), letter.payload() == null ? 0 : letter.payload().length,
                    Text.printable(payload, 500));
        }
    }

    private final DeadLetters deadLetters;
    private final Intake intake;
    private final Audit audit;

    DeadLetterController(DeadLetters deadLetters, Intake intake, Audit audit) {
        this.deadLetters = deadLetters;
        this.intake = intake;
        this.audit = audit;
    }

    /** {@code all=true} lists replayed ones too. */
    @Operation(summary = "Dead letters, newest first, with their reasons")
    @GetMapping
    List<View> list(@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "100") int limit) {
        return deadLetters.list(!all, Math.max(1, Math.min(limit, 1000))).stream().map(View::of).toList();
    }

    @Operation(summary = "Replay a dead letter through the intake after a fix")
    @PostMapping("/{id}/replay")
    ResponseEntity<?> replay(@PathVariable long id) {
        var letter = deadLetters.find(id).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no dead letter " + id));
        if (!deadLetters.claim(id, Audit.actor())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Dead letter " + id + " was replayed already (" + letter.replayOutcome() + ")");
        }
        try {
            var outcome = intake.accept(new IncomingRecord(letter.payload(), letter.recordTimestamp()));
            deadLetters.replayed(id, outcome.name());
            audit.record("dead-letter.replayed", null, "dead letter " + id + ": " + outcome);
            return ResponseEntity.ok(Map.of("id", id, "outcome", outcome.name()));
        } catch (RejectedEvent e) {
            var reason = "still refused: " + Text.printable(e.getMessage(), 1000);
            deadLetters.replayRefused(id, reason);
            audit.record("dead-letter.replay-refused", null, "dead letter " + id + ": " + reason);
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, reason);
            problem.setTitle("Replay refused");
            return ResponseEntity.unprocessableEntity().body(problem);
        }
    }
}
