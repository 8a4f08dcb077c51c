package org.consultflow.consultation;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consultflow.platform.Audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@Tag(name = "Rounds", description = "Start rounds from a definition, watch them, move their deadline and close them")
@RestController
@RequestMapping("/api/consultations")
class RoundController {

    private final RoundService service;
    private final Rounds rounds;
    private final ConsulteeProgress progress;
    private final Audit audit;

    RoundController(RoundService service, Rounds rounds, ConsulteeProgress progress, Audit audit) {
        this.audit = audit;
        this.service = service;
        this.rounds = rounds;
        this.progress = progress;
    }

    /** Starts a round from a YAML or JSON definition; {@code rehearsal} compresses its timeline to end that long from now. */
    @Operation(summary = "Start a round from a YAML or JSON definition")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "application/json", "text/plain"})
    ResponseEntity<RoundView> start(@RequestBody String definition,
            @RequestParam(required = false) Duration rehearsal) throws InvalidDefinitionException {
        if (rehearsal != null && (rehearsal.isNegative() || rehearsal.isZero())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A rehearsal needs a positive duration, such as PT5M");
        }
        var round = service.start(definition, rehearsal);
        return ResponseEntity.created(URI.create("/api/consultations/" + round.key())).body(view(round));
    }

    @Operation(summary = "A round's status, counts per group and each consultee's progress")
    @GetMapping("/{key}")
    RoundView show(@PathVariable String key) {
        return view(rounds.get(key));
    }

    /** Closes the round now, before its deadline. Closing runs as a job: 202, and the status follows shortly. */
    @Operation(summary = "Close the round now, before its deadline")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{key}/close")
    ResponseEntity<RoundView> close(@PathVariable String key) {
        return ResponseEntity.accepted().body(view(service.closeNow(key)));
    }

    /** Extends the deadline or brings it forward. */
    @Operation(summary = "Extend the deadline or bring it forward")
    @PutMapping("/{key}/deadline")
    RoundView moveDeadline(@PathVariable String key, @RequestBody NewDeadline body) {
        if (body.deadline() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Give the new deadline as a date-time with offset, e.g. {\"deadline\": \"2026-12-01T17:00:00Z\"}");
        }
        return view(service.moveDeadline(key, body.deadline()));
    }

    record NewDeadline(OffsetDateTime deadline) {}

    /**
     * Adds a consultee to the open round, given as in a definition ({@code {id, organisation, group, contact}}); it is
     * invited like the others. 400 with every problem in {@code errors}, 409 once the round has closed.
     */
    @Operation(summary = "Add a consultee to the open round; it is invited like the others")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/{key}/consultees", consumes = "application/json")
    ResponseEntity<RoundView> addConsultee(@PathVariable String key, @RequestBody JsonNode consultee) {
        var round = service.addConsultee(key, consultee, Audit.actor());
        return ResponseEntity.created(URI.create("/api/consultations/" + key)).body(view(round));
    }

    /** Every coordinator and admin action on the round: who, what and when. */
    @Operation(summary = "Every coordinator and admin action on the round, with who and when")
    @GetMapping("/{key}/history")
    List<Audit.Entry> history(@PathVariable String key) {
        rounds.get(key);
        return audit.ofRound(key);
    }

    private RoundView view(Round round) {
        return RoundView.of(round, progress.of(round.key()));
    }
}
