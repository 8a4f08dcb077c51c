package org.consultflow.engagement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.consultflow.consultation.DefinitionProblem;
import org.consultflow.consultation.InvalidRequestException;
import org.consultflow.consultation.RoundConflictException;
import org.consultflow.consultation.Rounds;
import org.consultflow.platform.Audit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders the coordinator sends now, between the scheduled ones. Sent by the engagements' processes (see
 * {@link SendReminderNow}) rather than from here: the mails go out from the job executor with its retries, and each
 * is counted when it has actually gone, like a scheduled reminder, so the report's "reminders sent" stays honest.
 * An engagement that has ended (responded, or the round closed) takes no reminder even if queued.
 */
@Service
public class Reminders {

    /** Who will get a reminder now, and who will not, with why not. */
    public record RemindersQueued(List<String> queued, List<Skipped> skipped) {}

    public record Skipped(String consulteeId, String reason) {}

    static final String MESSAGE = "RemindNow";

    private final Rounds rounds;
    private final Engagements engagements;
    private final RuntimeService runtime;
    private final Audit audit;

    Reminders(Rounds rounds, Engagements engagements, RuntimeService runtime, Audit audit) {
        this.rounds = rounds;
        this.engagements = engagements;
        this.runtime = runtime;
        this.audit = audit;
    }

    /**
     * Reminds the consultees named, or every consultee still to answer when {@code consulteeIds} is null. Consultees
     * who have responded are skipped, with the reason, never reminded.
     *
     * @throws InvalidRequestException naming each id the round does not have ({@code consulteeIds[i]})
     */
    @Transactional
    public RemindersQueued remindNow(String roundKey, List<String> consulteeIds, String actor) {
        var round = rounds.get(roundKey);
        if (!round.isOpen()) {
            throw new RoundConflictException("The round '" + roundKey + "' is closed; reminders can no longer be sent");
        }
        List<String> chosen;
        if (consulteeIds == null) {
            chosen = round.definition().consultees().stream().map(c -> c.id()).toList();
        } else {
            var problems = new ArrayList<DefinitionProblem>();
            if (consulteeIds.isEmpty()) {
                problems.add(new DefinitionProblem("consulteeIds", "name at least one consultee, or leave consulteeIds "
                        + "out to remind everyone who has not answered"));
            }
            for (int i = 0; i < consulteeIds.size(); i++) {
                var id = consulteeIds.get(i);
                if (id == null || round.definition().consultee(id).isEmpty()) {
                    problems.add(new DefinitionProblem("consulteeIds[" + i + "]", id == null ? "must be a consultee id"
                            : "there is no consultee \"" + printable(id) + "\" in this round"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
            chosen = List.copyOf(new LinkedHashSet<>(consulteeIds));
        }
        var queued = new ArrayList<String>();
        var skipped = new ArrayList<Skipped>();
        var engaged = new HashMap<String, Engagement>();
        engagements.ofRound(roundKey).forEach(engagement -> engaged.put(engagement.consulteeId(), engagement));
        var instances = new HashMap<String, String>();
        runtime.createProcessInstanceQuery().processDefinitionKey(StartEngagements.PROCESS)
                .variableValueEquals("roundKey", roundKey).list()
                .forEach(instance -> instances.put(instance.getBusinessKey(), instance.getId()));
        var toRemind = new ArrayList<String>();
        for (var consulteeId : chosen) {
            var engagement = engaged.get(consulteeId);
            if (engagement != null && engagement.respondedAt() != null) {
                if (consulteeIds != null) {
                    skipped.add(new Skipped(consulteeId, "has responded"));
                }
            } else if (engagement == null || !instances.containsKey(engagement.businessKey())
                    || engagement.invitedAt() == null && engagement.mailFailedAt() == null) {
                skipped.add(new Skipped(consulteeId, "not invited yet: the invitation is still on its way"));
            } else {
                queued.add(consulteeId);
                toRemind.add(instances.get(engagement.businessKey()));
            }
        }
        // As an engine batch rather than here: a message correlated in this transaction would collide with any job
        // the engine runs on that engagement meanwhile, and refuse the whole request. The batch retries instead.
        if (!toRemind.isEmpty()) {
            runtime.createMessageCorrelationAsync(MESSAGE).processInstanceIds(toRemind).correlateAllAsync();
        }
        audit.record(actor, "reminder.sent-now", roundKey, (consulteeIds == null ? "to everyone still to answer: "
                : "to chosen consultees: ") + queued.size() + " reminded " + queued
                + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped"));
        return new RemindersQueued(List.copyOf(queued), List.copyOf(skipped));
    }

    private static String printable(String id) {
        return org.consultflow.platform.Text.printable(id, 64);
    }
}
