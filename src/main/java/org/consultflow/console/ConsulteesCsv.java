package org.consultflow.console;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.consultflow.consultation.DefinitionProblem;

/**
 * Consultees as a coordinator keeps them, in a spreadsheet saved as CSV (UTF-8, a header row naming the columns
 * {@code id, organisation, group, name, email}, in any order). They replace the consultees of the definition they come
 * with, which is then checked by the same rules as any other: a problem of {@code consultees[3]} is the CSV's line 5.
 */
final class ConsulteesCsv {

    static final List<String> COLUMNS = List.of("id", "organisation", "group", "name", "email");
    private static final Pattern CONSULTEE_PATH = Pattern.compile("^consultees\\[(\\d+)]");
    private static final Map<String, String> ALIASES = Map.of("contact name", "name", "contact email", "email",
            "organization", "organisation", "stakeholder group", "group", "contact", "name");

    private final List<Map<String, String>> rows;

    private ConsulteesCsv(List<Map<String, String>> rows) {
        this.rows = rows;
    }

    /** The rows of a CSV file, or the problems that keep it from being read. */
    static ConsulteesCsv read(String text) throws InvalidCsv {
        var csv = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        List<List<String>> lines = new ArrayList<>();
        try (var it = csv.readerForListOf(String.class).<List<String>>readValues(strip(text))) {
            while (it.hasNextValue()) {
                lines.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidCsv("The consultees file is not CSV that can be read: " + firstLine(e.getMessage()));
        }
        lines.removeIf(line -> line.stream().allMatch(cell -> cell == null || cell.isBlank()));
        if (lines.isEmpty()) {
            throw new InvalidCsv("The consultees file is empty: it needs a header row and one row per consultee");
        }
        var header = lines.get(0).stream().map(ConsulteesCsv::column).toList();
        var missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidCsv("The consultees file's first row must name the columns " + String.join(", ", COLUMNS)
                    + "; missing: " + String.join(", ", missing));
        }
        var rows = new ArrayList<Map<String, String>>();
        for (var line : lines.subList(1, lines.size())) {
            var row = new LinkedHashMap<String, String>();
            for (int i = 0; i < header.size() && i < line.size(); i++) {
                if (COLUMNS.contains(header.get(i))) {
                    row.put(header.get(i), line.get(i) == null ? "" : line.get(i).strip());
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new InvalidCsv("The consultees file has a header row but no consultees");
        }
        return new ConsulteesCsv(rows);
    }

    int size() {
        return rows.size();
    }

    /** The definition with its consultees replaced by these, written back as YAML for the coordinator to read. */
    String into(JsonNode definition) throws JsonProcessingException {
        var copy = definition.isObject() ? ((ObjectNode) definition).deepCopy() : JsonNodeFactory.instance.objectNode();
        ArrayNode consultees = copy.putArray("consultees");
        for (var row : rows) {
            var consultee = consultees.addObject();
            consultee.put("id", row.getOrDefault("id", ""));
            consultee.put("organisation", row.getOrDefault("organisation", ""));
            consultee.put("group", row.getOrDefault("group", ""));
            var contact = consultee.putObject("contact");
            if (!row.getOrDefault("name", "").isEmpty()) {
                contact.put("name", row.get("name"));
            }
            contact.put("email", row.getOrDefault("email", ""));
        }
        return yaml(copy);
    }

    /** A definition tree as YAML for the coordinator to read. */
    static String yaml(JsonNode definition) throws JsonProcessingException {
        // Every string quoted: an organisation called "Yes" or "0123" must come back as the text it was.
        return YAMLMapper.builder(YAMLFactory.builder().build()).disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .build().writeValueAsString(definition);
    }

    /** A definition problem of consultee n also names the CSV line it came from (line 1 is the header). */
    static DefinitionProblem located(DefinitionProblem problem) {
        var match = CONSULTEE_PATH.matcher(problem.path());
        if (!match.find()) {
            return problem;
        }
        int line = Integer.parseInt(match.group(1)) + 2;
        return new DefinitionProblem(problem.path(), problem.message() + " (consultees file, line " + line + ")");
    }

    private static String column(String heading) {
        var name = heading == null ? "" : heading.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        return ALIASES.getOrDefault(name, name);
    }

    private static String strip(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }

    static final class InvalidCsv extends Exception {
        InvalidCsv(String message) {
            super(message);
        }
    }
}
