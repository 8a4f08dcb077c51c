package org.consultflow.consultation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The JSON Schema shipped in the jar, and the translation of its findings into plain English. A value that misses a
 * pattern gets the {@code description} written beside that pattern as advice, so the schema file stays the one place
 * that says what a valid id or duration looks like.
 */
class DefinitionSchema {

    static final String LOCATION = "schema/consultation-definition.schema.json";

    private final JsonNode document;
    private final JsonSchema schema;
    private final JsonSchema consultee;

    DefinitionSchema(ObjectMapper mapper) {
        try (InputStream in = DefinitionSchema.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + " is missing from the classpath");
            }
            document = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Format assertions are off by default in 2020-12; without them `format: email` would only be an annotation.
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document, config);
        schema.initializeValidators();
        consultee = schema.getSubSchema(new JsonNodePath(PathType.JSON_POINTER).append("$defs").append("consultee"));
    }

    List<DefinitionProblem> check(JsonNode definition) {
        return schema.validate(definition).stream().map(this::problem).toList();
    }

    /** One consultee on its own, as added to a running round: paths start at the consultee ({@code contact.email}). */
    List<DefinitionProblem> checkConsultee(JsonNode node) {
        return consultee.validate(node).stream().map(this::problem).toList();
    }

    private DefinitionProblem problem(ValidationMessage message) {
        String path = path(message.getInstanceLocation());
        return switch (message.getType()) {
            case "required" -> new DefinitionProblem(field(path, message.getProperty()), "is required but missing");
            case "additionalProperties" -> new DefinitionProblem(field(path, message.getProperty()),
                    "is not a field this definition knows (check the spelling); expected one of: " + siblings(message));
            default -> new DefinitionProblem(path, (path.isEmpty() ? "The definition " : "") + explain(message));
        };
    }

    private String explain(ValidationMessage message) {
        JsonNode expected = message.getSchemaNode();
        return switch (message.getType()) {
            case "type" -> "must be " + kind(expected.asText());
            case "enum" -> "must be one of: " + values(expected);
            case "minItems" -> "needs at least " + expected.asInt() + (expected.asInt() == 1 ? " entry" : " entries");
            case "minLength" -> "must not be empty";
            case "pattern" -> quoted(message) + " is not valid here. " + description(message);
            case "format" -> quoted(message) + " is not valid here. " + formatAdvice(expected.asText(), message);
            default -> message.getError();
        };
    }

    private static String path(JsonNodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(element);
            }
        }
        return path.toString();
    }

    private static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The schema that failed, e.g. {@code /$defs/consultee} for {@code /$defs/consultee/additionalProperties}. */
    private JsonNode failingSchema(ValidationMessage message) {
        String keyword = message.getSchemaLocation().getFragment().toString();
        return document.at(keyword.substring(0, Math.max(0, keyword.lastIndexOf('/'))));
    }

    private String siblings(ValidationMessage message) {
        Iterable<String> names = () -> failingSchema(message).path("properties").fieldNames();
        return StreamSupport.stream(names.spliterator(), false).collect(Collectors.joining(", "));
    }

    private String description(ValidationMessage message) {
        String description = failingSchema(message).path("description").asText("");
        return description.isEmpty() ? message.getError() : description;
    }

    private static String formatAdvice(String format, ValidationMessage message) {
        return switch (format) {
            case "date-time" -> "Use a date and time with an offset, such as 2030-04-30T23:59:59+01:00 or 2030-04-30T22:59:59Z.";
            case "date" -> "Use a date such as 2030-05-09.";
            case "email" -> "Use an email address such as name@example.org.";
            case "uri" -> "Use a full link such as https://example.org/report.pdf.";
            default -> message.getError();
        };
    }

    private static String quoted(ValidationMessage message) {
        JsonNode value = message.getInstanceNode();
        return value == null ? "The value" : "\"" + value.asText() + "\"";
    }

    private static String kind(String type) {
        return switch (type) {
            case "string" -> "text (put it in quotes if it looks like a number, a date or true/false)";
            case "object" -> "a mapping of fields";
            case "array" -> "a list";
            case "boolean" -> "true or false";
            default -> "a " + type;
        };
    }

    private static String values(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(", "));
    }
}
