package org.consultflow.consultation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the console may do to rounds and see of them, through the very services the REST API uses: a deadline moved
 * or a round closed from a page behaves, and is audited, exactly as through the API.
 */
@Component
public class RoundActions {

    private final RoundService service;
    private final Rounds rounds;
    private final ConsulteeProgress progress;
    private final JdbcClient jdbc;

    RoundActions(RoundService service, Rounds rounds, ConsulteeProgress progress, JdbcClient jdbc) {
        this.service = service;
        this.rounds = rounds;
        this.progress = progress;
        this.jdbc = jdbc;
    }

    /** @param rehearsal how long the compressed round runs; {@code null} for a real round */
    public RoundView start(String definition, Duration rehearsal) throws InvalidDefinitionException {
        return view(service.start(definition, rehearsal).key());
    }

    public void closeNow(String key) {
        service.closeNow(key);
    }

    public void moveDeadline(String key, OffsetDateTime deadline) {
        service.moveDeadline(key, deadline);
    }

    /**
     * Adds a consultee to the open round and invites it, as the API does.
     *
     * @throws InvalidRequestException with every problem at its field ({@code id}, {@code contact.email}, ...)
     * @throws RoundConflictException once the round has closed
     */
    public RoundView addConsultee(String key, Definition.Consultee consultee, String actor) {
        service.addConsultee(key, consultee, actor);
        return view(key);
    }

    public RoundView view(String key) {
        return RoundView.of(rounds.get(key), progress.of(key));
    }

    public Round round(String key) {
        return rounds.get(key);
    }

    /** Every round, the most recently opened first. */
    public List<Round> all() {
        return jdbc.sql("select round_key from round order by opened_at desc, round_key").query(String.class).list()
                .stream().map(rounds::get).toList();
    }
}
