package org.consultflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/**
 * The payload schemas of docs/asyncapi.yaml's messages, as the document states them: references inside the document
 * are followed here, the schema files beside it by the validator, so a record is checked against exactly what a
 * reader of the document is promised.
 */
final class AsyncApiMessages {

    static final Path DOCUMENT = Path.of("docs", "asyncapi.yaml").toAbsolutePath();

    private final JsonNode document;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final ObjectMapper json = new ObjectMapper();

    AsyncApiMessages() {
        try {
            document = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the messages a channel carries: for CloudEvents, their {@code type}. */
    Set<String> names(String channel) {
        var names = new TreeSet<String>();
        document.path("channels").path(channel).path("messages").forEach(m -> names.add(inline(m).path("name").asText()));
        return names;
    }

    /** What is wrong with a record's value by the payload schema of the message of that name; empty when nothing. */
    Set<String> problems(String message, byte[] value) {
        try {
            return payloadSchema(message).validate(json.readTree(value)).stream().map(Object::toString)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    private JsonSchema payloadSchema(String name) {
        for (var message : document.path("components").path("messages")) {
            if (message.path("name").asText().equals(name)) {
                var payload = (ObjectNode) inline(message.path("payload")).deepCopy();
                payload.put("$schema", "http://json-schema.org/draft-07/schema#");
                return schemas.getSchema(DOCUMENT.toUri(), payload);
            }
        }
        throw new IllegalArgumentException("docs/asyncapi.yaml has no message " + name);
    }

    /** Replaces every reference into the document itself by what it points at. */
    private JsonNode inline(JsonNode node) {
        if (node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
            return inline(document.at(node.get("$ref").asText().substring(1)));
        }
        if (node.isObject()) {
            var copy = json.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), inline(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = json.createArrayNode();
            node.forEach(item -> copy.add(inline(item)));
            return copy;
        }
        return node;
    }
}
