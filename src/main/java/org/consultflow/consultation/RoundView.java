package org.consultflow.consultation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.consultflow.consultation.ConsulteeProgress.Progress;

/**
 * The JSON a coordinator sees for a round: status, counts overall and per group, and each consultee's state. Public
 * for the console, which shows the same figures as the API.
 */
public record RoundView(String key, String title, RoundStatus status, OffsetDateTime deadline, boolean rehearsal,
        Instant opened, Instant closedAt, Counts counts, List<GroupCounts> groups, List<ConsulteeView> consultees) {

    public enum State { INVITED, RESPONDED, NO_RESPONSE }

    public record Counts(int invited, int responded, int outstanding, int late) {}

    public record GroupCounts(String id, String label, boolean required, int invited, int responded, int outstanding) {}

    public record ConsulteeView(String id, String organisation, String group, boolean required, State state,
            Instant invitedAt, int remindersSent, boolean late, int responseVersions, boolean chased,
            String chaseOutcome, String mailFailed) {}

    public static RoundView of(Round round, Map<String, Progress> progress) {
        var definition = round.definition();
        var consultees = definition.consultees().stream().map(consultee -> {
            var p = progress.get(consultee.id());
            var responded = p != null && p.onTimeVersions() > 0;
            var state = responded ? State.RESPONDED : round.isOpen() ? State.INVITED : State.NO_RESPONSE;
            return new ConsulteeView(consultee.id(), consultee.organisation(), consultee.group(),
                    definition.isRequired(consultee), state,
                    p == null ? null : p.invitedAt(), p == null ? 0 : p.remindersSent(),
                    p != null && p.lateVersions() > 0, p == null ? 0 : p.onTimeVersions() + p.lateVersions(),
                    p != null && p.chasedAt() != null, p == null ? null : p.chaseOutcome(),
                    p == null ? null : p.mailFailed());
        }).toList();
        var groups = definition.groups().stream().map(group -> {
            var members = consultees.stream().filter(c -> c.group().equals(group.id())).toList();
            var responded = (int) members.stream().filter(c -> c.state() == State.RESPONDED).count();
            return new GroupCounts(group.id(), group.label(), group.required(), members.size(), responded,
                    members.size() - responded);
        }).toList();
        var responded = (int) consultees.stream().filter(c -> c.state() == State.RESPONDED).count();
        var late = (int) consultees.stream().filter(ConsulteeView::late).count();
        return new RoundView(round.key(), definition.title(), round.status(),
                round.localDeadline().toOffsetDateTime(), round.schedule().rehearsal(), round.schedule().opens(),
                round.closedAt(),
                new Counts(consultees.size(), responded, consultees.size() - responded, late), groups, consultees);
    }
}
