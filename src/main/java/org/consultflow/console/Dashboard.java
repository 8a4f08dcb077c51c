package org.consultflow.console;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Round;
import org.consultflow.consultation.RoundView;
import org.consultflow.consultation.RoundView.ConsulteeView;
import org.consultflow.response.StoredResponse;

/** What the round's dashboard shows, worked out once per request from the round, its progress and its responses. */
record Dashboard(String key, String title, String status, String tag, boolean open, boolean rehearsal,
        String deadline, String daysLeft, String opened, Counts counts, List<Group> groups,
        List<Outstanding> requiredOutstanding, ResponseChart chart, Filters filters, List<Row> rows, int shown) {

    record Counts(int invited, int responded, String rate, int outstanding, int late) {}

    record Group(String label, boolean required, int invited, int responded, String rate) {}

    record Outstanding(String organisation, String group, int remindersSent, String chase, String mailFailed) {}

    record Option(String value, String label) {}

    record Filters(String group, String status, String q, List<Option> groups, List<Option> statuses,
            boolean active) {}

    /** One consultee; {@code instance} is their engagement's process instance, for admins only. */
    record Row(String id, String organisation, String group, boolean required, String invitedAt, int remindersSent,
            String state, String stateTag, int version, boolean late, String channel, String chase,
            String mailFailed, String instance) {}

    static final List<Option> STATUSES = List.of(new Option("", "Any status"), new Option("responded", "Responded"),
            new Option("outstanding", "Not responded"), new Option("late", "Late"),
            new Option("mail-failed", "Mail failed"));

    static Dashboard of(Round round, RoundView view, List<StoredResponse> responses, String group, String status,
            String q, Map<String, String> instances, Instant now) {
        var definition = round.definition();
        var zone = definition.timezone();
        Map<String, StoredResponse> latest = responses.stream().collect(Collectors.toMap(
                StoredResponse::consulteeId, Function.identity(), (a, b) -> a.version() >= b.version() ? a : b));
        var firsts = responses.stream().filter(r -> r.version() == 1).map(StoredResponse::submittedAt).toList();
        var end = round.isOpen() && now.isBefore(round.schedule().deadline()) ? now
                : round.closedAt() != null && round.closedAt().isBefore(round.schedule().deadline()) ? round.closedAt()
                : round.schedule().deadline();
        var labels = definition.groups().stream().collect(Collectors.toMap(Definition.Group::id,
                Definition.Group::label));
        var needle = q == null ? "" : q.strip().toLowerCase(Locale.UK);
        var rows = view.consultees().stream()
                .filter(c -> group == null || group.isBlank() || c.group().equals(group))
                .filter(c -> matches(c, status))
                .filter(c -> needle.isEmpty() || c.organisation().toLowerCase(Locale.UK).contains(needle)
                        || c.id().toLowerCase(Locale.UK).contains(needle))
                .map(c -> row(c, labels, latest.get(c.id()), instances.get(c.id()), round))
                .toList();
        var outstanding = view.consultees().stream()
                .filter(c -> c.required() && c.state() != RoundView.State.RESPONDED)
                .sorted(Comparator.comparing(ConsulteeView::organisation))
                .map(c -> new Outstanding(c.organisation(), labels.getOrDefault(c.group(), c.group()),
                        c.remindersSent(), chase(c), c.mailFailed()))
                .toList();
        var groupOptions = new java.util.ArrayList<Option>();
        groupOptions.add(new Option("", "Any group"));
        definition.groups().forEach(g -> groupOptions.add(new Option(g.id(), g.label())));
        var active = (group != null && !group.isBlank()) || (status != null && !status.isBlank()) || !needle.isEmpty();
        return new Dashboard(round.key(), view.title(), Formats.status(view.status()), Formats.tagClass(view.status()),
                round.isOpen(), view.rehearsal(), Formats.deadline(round.schedule().deadline(), zone),
                Formats.daysLeft(round.schedule().deadline(), now, round.isOpen()),
                Formats.shortTime(round.schedule().opens(), zone),
                new Counts(view.counts().invited(), view.counts().responded(),
                        Formats.rate(view.counts().responded(), view.counts().invited()), view.counts().outstanding(),
                        view.counts().late()),
                view.groups().stream().map(g -> new Group(g.label(), g.required(), g.invited(), g.responded(),
                        Formats.rate(g.responded(), g.invited()))).toList(),
                outstanding,
                ResponseChart.of(round.schedule().opens(), end, firsts, view.counts().invited(), zone),
                new Filters(group == null ? "" : group, status == null ? "" : status, q == null ? "" : q,
                        groupOptions, STATUSES, active),
                rows, rows.size());
    }

    private static boolean matches(ConsulteeView c, String status) {
        return switch (status == null ? "" : status) {
            case "responded" -> c.state() == RoundView.State.RESPONDED;
            case "outstanding" -> c.state() != RoundView.State.RESPONDED;
            case "late" -> c.late();
            case "mail-failed" -> c.mailFailed() != null;
            default -> true;
        };
    }

    private static Row row(ConsulteeView c, Map<String, String> labels, StoredResponse latest, String instance,
            Round round) {
        var zone = round.definition().timezone();
        String state;
        String tag;
        if (c.state() == RoundView.State.RESPONDED) {
            state = "Responded";
            tag = "govuk-tag--green";
        } else if (c.late()) {
            state = "Responded late";
            tag = "govuk-tag--orange";
        } else if (c.state() == RoundView.State.NO_RESPONSE) {
            state = "No response";
            tag = "govuk-tag--red";
        } else {
            state = c.invitedAt() == null ? "Not yet invited" : "Invited";
            tag = "govuk-tag--grey";
        }
        return new Row(c.id(), c.organisation(), labels.getOrDefault(c.group(), c.group()), c.required(),
                Formats.shortTime(c.invitedAt(), zone), c.remindersSent(), state, tag, c.responseVersions(), c.late(),
                latest == null ? "" : channel(latest), chase(c), c.mailFailed(), instance);
    }

    private static String channel(StoredResponse response) {
        return switch (response.channel()) {
            case WEB -> "Web form";
            case PARTNER -> "Partner system";
            case LETTER -> "Letter";
            case EMAIL -> "Email";
            case PHONE -> "Phone";
        };
    }

    private static String chase(ConsulteeView c) {
        if (!c.chased()) {
            return "";
        }
        return c.chaseOutcome() == null ? "Chase call due" : "Chased: " + c.chaseOutcome();
    }
}
