package org.consultflow.consultation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import org.consultflow.notification.EmailAddresses;
import org.consultflow.platform.OwnSources;
import org.consultflow.platform.Text;

/**
 * The checks a JSON Schema cannot express: ids that must be unique, references between parts, and the timeline.
 * They read the raw tree rather than a mapped {@link Definition} so that they still run when the schema has already
 * complained, and the coordinator hears about every problem at once. Values the schema refused are skipped here.
 */
class DefinitionRules {

    List<DefinitionProblem> check(JsonNode definition, boolean rehearsal, Instant now) {
        List<DefinitionProblem> problems = new ArrayList<>();
        questions(definition.path("questions"), problems);
        uniqueIds(definition.path("groups"), "groups", problems);
        uniqueIds(definition.path("consultees"), "consultees", problems);
        groupsExist(definition, problems);
        positive(definition.path("chase"), "chase", problems);
        List<JsonNode> reminders = elements(definition.path("reminders"));
        for (int i = 0; i < reminders.size(); i++) {
            positive(reminders.get(i), "reminders[" + i + "]", problems);
        }
        timeline(definition, rehearsal, now, problems);
        sources(definition, problems);
        emails(definition, problems);
        printable(definition, "", problems);
        return problems;
    }

    /**
     * A consultee added to a running round: the rules a definition's consultees follow, against the round's groups
     * and its consultees so far. Paths start at the consultee.
     */
    List<DefinitionProblem> checkConsultee(JsonNode consultee, Definition round) {
        List<DefinitionProblem> problems = new ArrayList<>();
        JsonNode id = consultee.path("id");
        if (id.isTextual() && round.consultee(id.asText()).isPresent()) {
            problems.add(new DefinitionProblem("id", "\"%s\" is already the id of a consultee of this round; ids must be unique"
                    .formatted(id.asText())));
        }
        JsonNode group = consultee.path("group");
        if (group.isTextual() && round.group(group.asText()).isEmpty()) {
            problems.add(new DefinitionProblem("group", "there is no group \"%s\"; the groups are: %s".formatted(
                    group.asText(), String.join(", ", round.groups().stream().map(Definition.Group::id).toList()))));
        }
        email(consultee.path("contact").path("email"), "contact.email", problems);
        printable(consultee, "", problems);
        return problems;
    }

    private void questions(JsonNode questions, List<DefinitionProblem> problems) {
        uniqueIds(questions, "questions", problems);
        List<JsonNode> list = elements(questions);
        for (int i = 0; i < list.size(); i++) {
            String path = "questions[" + i + "].options";
            JsonNode options = list.get(i).path("options");
            uniqueIds(options, path, problems);
            String type = list.get(i).path("type").asText();
            if (type.equals("CHOICE") && elements(options).size() < 2) {
                problems.add(new DefinitionProblem(path, "a CHOICE question needs at least two options"));
            } else if (type.equals("TEXT") && !elements(options).isEmpty()) {
                problems.add(new DefinitionProblem(path,
                        "a TEXT question has no options; remove them or make it a CHOICE question"));
            }
            List<JsonNode> optionList = elements(options);
            for (int o = 0; o < optionList.size(); o++) {
                if (list.get(i).path("other").asBoolean() && optionList.get(o).path("id").asText().equals("other")) {
                    problems.add(new DefinitionProblem(path + "[" + o + "].id",
                            "\"other\" is kept for the free-text answers of a question that allows them; rename this option"));
                }
            }
        }
    }

    private void uniqueIds(JsonNode list, String path, List<DefinitionProblem> problems) {
        Map<String, Integer> first = new HashMap<>();
        List<JsonNode> entries = elements(list);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode id = entries.get(i).path("id");
            Integer earlier = id.isTextual() ? first.putIfAbsent(id.asText(), i) : null;
            if (earlier != null) {
                problems.add(new DefinitionProblem(path + "[" + i + "].id", "\"%s\" is already the id of %s[%d]; ids must be unique"
                        .formatted(id.asText(), path, earlier)));
            }
        }
    }

    private void groupsExist(JsonNode definition, List<DefinitionProblem> problems) {
        Set<String> groups = new LinkedHashSet<>();
        elements(definition.path("groups")).forEach(g -> groups.add(g.path("id").asText()));
        List<JsonNode> consultees = elements(definition.path("consultees"));
        for (int i = 0; i < consultees.size(); i++) {
            JsonNode group = consultees.get(i).path("group");
            if (group.isTextual() && !groups.contains(group.asText())) {
                problems.add(new DefinitionProblem("consultees[" + i + "].group", "there is no group \"%s\"; the groups are: %s"
                        .formatted(group.asText(), String.join(", ", groups))));
            }
        }
    }

    /** A partner source answers for groups and consultees that exist, and never under ConsultFlow's own sources. */
    private void sources(JsonNode definition, List<DefinitionProblem> problems) {
        Set<String> groups = ids(definition.path("groups"));
        Set<String> consultees = ids(definition.path("consultees"));
        List<JsonNode> sources = elements(definition.path("sources"));
        for (int i = 0; i < sources.size(); i++) {
            String path = "sources[" + i + "]";
            String source = sources.get(i).path("source").asText();
            if (OwnSources.isOwn(source)) {
                problems.add(new DefinitionProblem(path + ".source",
                        "sources under " + OwnSources.PREFIX + " are ConsultFlow's own; give the partner system another"));
            }
            known(sources.get(i).path("groups"), groups, path + ".groups", "group", problems);
            known(sources.get(i).path("consultees"), consultees, path + ".consultees", "consultee", problems);
        }
    }

    private static void known(JsonNode list, Set<String> ids, String path, String what, List<DefinitionProblem> problems) {
        List<JsonNode> entries = elements(list);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).isTextual() && !ids.contains(entries.get(i).asText())) {
                problems.add(new DefinitionProblem(path + "[" + i + "]", "there is no %s \"%s\""
                        .formatted(what, entries.get(i).asText())));
            }
        }
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> ids = new LinkedHashSet<>();
        elements(list).forEach(entry -> ids.add(entry.path("id").asText()));
        return ids;
    }

    /** Addresses are checked by the mail library's own parser: what it accepts here, it can send to later. */
    private void emails(JsonNode definition, List<DefinitionProblem> problems) {
        email(definition.path("coordinator").path("email"), "coordinator.email", problems);
        List<JsonNode> consultees = elements(definition.path("consultees"));
        for (int i = 0; i < consultees.size(); i++) {
            email(consultees.get(i).path("contact").path("email"), "consultees[" + i + "].contact.email", problems);
        }
        List<JsonNode> distribution = elements(definition.path("distribution"));
        for (int i = 0; i < distribution.size(); i++) {
            email(distribution.get(i), "distribution[" + i + "]", problems);
        }
    }

    private static void email(JsonNode value, String path, List<DefinitionProblem> problems) {
        String problem = value.isTextual() ? EmailAddresses.problem(value.asText()) : null;
        if (problem != null) {
            problems.add(new DefinitionProblem(path, problem));
        }
    }

    /** No control characters anywhere: they cannot be stored, mailed or shown safely. */
    private static void printable(JsonNode node, String path, List<DefinitionProblem> problems) {
        if (node.isTextual()) {
            String character = Text.forbiddenCharacter(node.asText(), true);
            if (character != null) {
                problems.add(new DefinitionProblem(path, "contains a control character (" + character + "); remove it"));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                printable(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> printable(field.getValue(),
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey(), problems));
        }
    }

    private void positive(JsonNode value, String path, List<DefinitionProblem> problems) {
        Duration duration = parse(value, Duration::parse);
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            problems.add(new DefinitionProblem(path, "must be longer than zero"));
        }
    }

    private void timeline(JsonNode definition, boolean rehearsal, Instant now, List<DefinitionProblem> problems) {
        ZoneId zone = parse(definition.path("timezone"), ZoneId::of);
        if (zone == null && definition.path("timezone").isTextual()) {
            problems.add(new DefinitionProblem("timezone", "\"%s\" is not a time zone this system knows; use a name such as Europe/London"
                    .formatted(definition.path("timezone").asText())));
        }
        OffsetDateTime deadline = parse(definition.path("deadline"), OffsetDateTime::parse);
        OffsetDateTime opens = parse(definition.path("opens"), OffsetDateTime::parse);
        LocalDate reportDue = parse(definition.path("reportDue"), LocalDate::parse);
        if (deadline == null) {
            return;
        }
        if (!rehearsal && !deadline.toInstant().isAfter(now)) {
            problems.add(new DefinitionProblem("deadline",
                    definition.path("deadline").asText() + " has already passed; set a later deadline, or start the round as a rehearsal"));
        }
        if (opens != null && !opens.isBefore(deadline)) {
            problems.add(new DefinitionProblem("opens", "must be before the deadline (" + deadline + ")"));
        }
        LocalDate closes = zone == null ? deadline.toLocalDate() : deadline.atZoneSameInstant(zone).toLocalDate();
        if (reportDue != null && reportDue.isBefore(closes)) {
            problems.add(new DefinitionProblem("reportDue",
                    "must not be before the deadline's date (" + closes + "): the report needs the responses"));
        }
    }

    private static <T> T parse(JsonNode value, Function<String, T> parser) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return parser.apply(value.asText());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static List<JsonNode> elements(JsonNode node) {
        return node.isArray() ? StreamSupport.stream(node.spliterator(), false).toList() : List.of();
    }
}
