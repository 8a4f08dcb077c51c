package org.consultflow.console;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.consultflow.consultation.DefinitionProblem;
import org.consultflow.consultation.Definitions;
import org.consultflow.consultation.InvalidDefinitionException;

/**
 * The "fill in a form" way to a definition: the inputs as the coordinator typed them, the definition they make (as
 * the tree a YAML file would give, so the API's own checks judge it), and where on the form each problem belongs.
 * Group and question rows left empty are skipped, so {@code groups[1]} may be the form's third row.
 */
final class RoundForm {

    static final int GROUP_ROWS = 6;
    static final int QUESTION_ROWS = 6;
    static final String LONDON = "Europe/London";

    private static final Pattern ROW = Pattern.compile("^(groups|questions)\\[(\\d+)](?:\\.(\\w+))?");
    private static final Pattern OPTION = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9-]{0,62})\\s*:\\s*(.*)$");
    private static final Map<String, String> FIELDS = Map.of("coordinator", "coordinator-name",
            "coordinator.name", "coordinator-name", "coordinator.email", "coordinator-email", "opens", "opens-date",
            "deadline", "deadline-date", "reportDue", "report-due", "groups", "group-0-id", "questions",
            "question-0-id");

    private final Map<String, String> values;
    private final List<Integer> groupRows = new ArrayList<>();
    private final List<Integer> questionRows = new ArrayList<>();
    private final List<DefinitionProblem> problems = new ArrayList<>();

    RoundForm(Map<String, String> values) {
        this.values = new HashMap<>(values);
        this.values.putIfAbsent("timezone", LONDON);
        this.values.putIfAbsent("deadline-time", "23:59");
        for (int r = 0; r < QUESTION_ROWS; r++) {
            this.values.putIfAbsent("question-" + r + "-type", "TEXT");
        }
    }

    /** What the coordinator typed in the named input, to show again; empty when nothing. */
    String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** Every input by name, defaults filled in, for the page to show again. */
    Map<String, String> values() {
        return Map.copyOf(values);
    }

    boolean checked(String name) {
        return !value(name).isEmpty();
    }

    /** Inputs the form itself could not turn into definition values (a date it cannot read), by definition path. */
    List<DefinitionProblem> problems() {
        return List.copyOf(problems);
    }

    /** The definition without its consultees, which come from the CSV. Blank inputs are left out, not sent empty. */
    ObjectNode definition() {
        problems.clear();
        groupRows.clear();
        questionRows.clear();
        var definition = JsonNodeFactory.instance.objectNode();
        text(definition, "key", "key");
        text(definition, "title", "title");
        text(definition, "summary", "summary");
        var coordinator = definition.putObject("coordinator");
        text(coordinator, "name", "coordinator-name");
        text(coordinator, "email", "coordinator-email");
        text(definition, "timezone", "timezone");
        var zone = zone();
        moment(definition, "opens", zone);
        moment(definition, "deadline", zone);
        days(definition, "reminders", true);
        days(definition, "chase", false);
        if (!value("report-due").isBlank()) {
            var due = date(value("report-due"));
            if (due == null) {
                problems.add(new DefinitionProblem("reportDue", "Enter the date as day/month/year, like 9/5/2030"));
            } else {
                definition.put("reportDue", due.toString());
            }
        }
        questions(definition);
        groups(definition);
        return definition;
    }

    /** The definition as YAML and every problem with it, the form's own first; none when it can start a round. */
    record Checked(String yaml, List<DefinitionProblem> problems) {}

    /**
     * Built, the consultees added from the CSV, and checked by the API's rules (as for a rehearsal, which allows a
     * past deadline; a real start checks again). Where the form already said what is wrong with a field, the
     * definition's own word on it ("is required but missing") would only repeat it, so it is left out.
     */
    Checked check(Definitions definitions) throws JsonProcessingException {
        var tree = definition();
        var found = new ArrayList<>(problems);
        var csv = value("consultees");
        String yaml = null;
        if (csv.isBlank()) {
            found.add(new DefinitionProblem("consultees", "Upload the consultees' CSV file or paste its rows"));
        } else {
            try {
                yaml = ConsulteesCsv.read(csv).into(tree);
            } catch (ConsulteesCsv.InvalidCsv e) {
                found.add(new DefinitionProblem("consultees", e.getMessage()));
            }
        }
        if (yaml == null) {
            yaml = ConsulteesCsv.yaml(tree);
        }
        try {
            definitions.read(yaml, true);
        } catch (InvalidDefinitionException e) {
            var told = found.stream().map(problem -> field(problem.path())).toList();
            e.problems().stream().filter(problem -> !told.contains(field(problem.path())))
                    .map(ConsulteesCsv::located).forEach(found::add);
        }
        return new Checked(yaml, found);
    }

    /** The form field where a problem with this definition path is shown; empty for the definition as a whole. */
    String field(String path) {
        if (path.startsWith("consultees")) {
            return "consultees";
        }
        if (path.startsWith("reminders")) {
            return "reminders";
        }
        var row = ROW.matcher(path);
        if (row.find()) {
            return rowField(row);
        }
        var known = FIELDS.get(path);
        if (known != null) {
            return known;
        }
        return List.of("key", "title", "summary", "timezone", "chase").contains(path) ? path : "";
    }

    private String rowField(Matcher row) {
        boolean groups = row.group(1).equals("groups");
        var rows = groups ? groupRows : questionRows;
        int index = Integer.parseInt(row.group(2));
        int r = index < rows.size() ? rows.get(index) : 0;
        var part = row.group(3) == null ? "id" : row.group(3);
        var prefix = (groups ? "group-" : "question-") + r + "-";
        return switch (part) {
            case "label", "required", "text", "type" -> prefix + part;
            case "options", "other" -> prefix + "options";
            default -> prefix + "id";
        };
    }

    private void questions(ObjectNode definition) {
        var questions = definition.putArray("questions");
        for (int r = 0; r < QUESTION_ROWS; r++) {
            var p = "question-" + r + "-";
            if (value(p + "id").isBlank() && value(p + "text").isBlank() && value(p + "options").isBlank()) {
                continue;
            }
            questionRows.add(r);
            var question = questions.addObject();
            text(question, "id", p + "id");
            text(question, "text", p + "text");
            question.put("type", value(p + "type"));
            if (checked(p + "other") && value(p + "type").equals("CHOICE")) {
                question.put("other", true);
            }
            var lines = value(p + "options").lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (!lines.isEmpty()) {
                var options = question.putArray("options");
                for (int o = 0; o < lines.size(); o++) {
                    var option = OPTION.matcher(lines.get(o));
                    // A line without an id of its own is named by its place, a, b, c..., as a paper form would.
                    boolean named = option.matches();
                    options.addObject().put("id", named ? option.group(1) : generatedId(o))
                            .put("label", named ? option.group(2).strip() : lines.get(o));
                }
            }
        }
    }

    private void groups(ObjectNode definition) {
        var groups = definition.putArray("groups");
        for (int r = 0; r < GROUP_ROWS; r++) {
            var p = "group-" + r + "-";
            if (value(p + "id").isBlank() && value(p + "label").isBlank() && !checked(p + "required")) {
                continue;
            }
            groupRows.add(r);
            var group = groups.addObject();
            text(group, "id", p + "id");
            text(group, "label", p + "label");
            group.put("required", checked(p + "required"));
        }
    }

    private static String generatedId(int index) {
        return index < 26 ? String.valueOf((char) ('a' + index)) : "option-" + (index + 1);
    }

    private void text(ObjectNode node, String field, String input) {
        if (!value(input).isBlank()) {
            node.put(field, value(input).strip());
        }
    }

    /** An unknown zone is the timezone field's problem; the dates are still read, as if in UTC, to check the rest. */
    private ZoneId zone() {
        try {
            return ZoneId.of(value("timezone").strip());
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private void moment(ObjectNode definition, String field, ZoneId zone) {
        var dateText = value(field + "-date");
        if (dateText.isBlank()) {
            return;
        }
        var date = date(dateText);
        var time = time(value(field + "-time").isBlank() ? "00:00" : value(field + "-time"));
        if (date == null) {
            problems.add(new DefinitionProblem(field, "Enter the date as day/month/year, like 30/4/2030"));
        } else if (time == null) {
            problems.add(new DefinitionProblem(field, "Enter the time on the 24-hour clock, like 23:59"));
        } else {
            definition.put(field, date.atTime(time).atZone(zone).toOffsetDateTime()
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
    }

    /** Whole days before the deadline, written as the ISO-8601 durations the definition holds ({@code P14D}). */
    private void days(ObjectNode definition, String field, boolean list) {
        var text = value(field).strip();
        if (text.isEmpty()) {
            return;
        }
        var parts = List.of(text.split("\\s*,\\s*"));
        if (!parts.stream().allMatch(part -> part.matches("\\d{1,4}")) || (!list && parts.size() > 1)) {
            problems.add(new DefinitionProblem(field, list
                    ? "Enter whole numbers of days before the deadline, separated by commas, like 14, 7, 2"
                    : "Enter a whole number of days before the deadline, like 3"));
            return;
        }
        if (list) {
            var durations = definition.putArray(field);
            parts.forEach(days -> durations.add("P" + Integer.parseInt(days) + "D"));
        } else {
            definition.put(field, "P" + Integer.parseInt(text) + "D");
        }
    }

    private static LocalDate date(String text) {
        for (var format : List.of("uuuu-MM-dd", "d/M/uuuu")) {
            try {
                return LocalDate.parse(text.strip(), DateTimeFormatter.ofPattern(format)
                        .withResolverStyle(ResolverStyle.STRICT));
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        return null;
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.strip(), DateTimeFormatter.ofPattern("H:mm"));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
