package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.consultflow.platform.LifecycleEvent;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * docs/asyncapi.yaml is a valid AsyncAPI 3.0 document, its payload schemas are valid JSON Schemas it all refers to, and
 * every lifecycle event the code can raise is described field for field. EventSchemasIntegrationTest checks the
 * schemas against what the running application actually sends and refuses.
 */
class AsyncApiDocumentTest {

    static final Path DOCS = Path.of("docs");
    static final JsonSchemaFactory DRAFT_07 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    final ObjectMapper json = new ObjectMapper();

    @Test
    void isAValidAsyncApi3Document() throws IOException {
        JsonNode officialSchema;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            officialSchema = json.readTree(in);
        }
        var problems = DRAFT_07.getSchema(officialSchema).validate(document());

        assertThat(problems).isEmpty();
        assertThat(document().path("asyncapi").asText()).isEqualTo("3.0.0");
    }

    @Test
    void refersToEverySchemaFileAndEachIsAValidJsonSchema() throws IOException {
        var referenced = new TreeSet<String>();
        collectFileReferences(document(), referenced);
        var files = new TreeSet<String>();
        try (Stream<Path> listed = Files.list(DOCS.resolve("schemas"))) {
            listed.forEach(file -> files.add("./schemas/" + file.getFileName()));
        }

        assertThat(referenced).isEqualTo(files);
        var metaSchema = DRAFT_07.getSchema(java.net.URI.create("http://json-schema.org/draft-07/schema"));
        for (var file : files) {
            var schema = json.readTree(DOCS.resolve(file).toFile());
            assertThat(metaSchema.validate(schema)).as(file).isEmpty();
            assertThat(schema.path("$schema").asText()).as(file).isEqualTo("http://json-schema.org/draft-07/schema#");
        }
    }

    /** A new event, or a field added to one, fails here until the document and its schema say so. */
    @Test
    void describesEveryLifecycleEventFieldForField() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(LifecycleEvent.class));
        var events = new ArrayList<Class<?>>();
        for (var candidate : scanner.findCandidateComponents("org.consultflow")) {
            events.add(Class.forName(candidate.getBeanClassName()));
        }
        assertThat(events).as("the lifecycle events found").hasSizeGreaterThanOrEqualTo(7);

        var messages = document().path("channels").path("lifecycle").path("messages");
        var documented = new HashSet<String>();
        for (var message : messages) {
            documented.add(resolve(message).path("name").asText());
        }
        var raised = new HashSet<String>();
        for (var type : events) {
            var event = (LifecycleEvent) instance(type);
            raised.add(event.type());
            var schema = json.readTree(DOCS.resolve("schemas/" + event.type() + ".schema.json").toFile());
            var fields = Stream.of(type.getRecordComponents()).map(RecordComponent::getName).toList();
            assertThat(names(schema.path("properties"))).as(event.type()).isEqualTo(new TreeSet<>(fields));
            assertThat(names(schema.path("required"))).as(event.type() + ", all of whose fields are always set")
                    .isEqualTo(new TreeSet<>(fields));
            assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        }
        assertThat(documented).isEqualTo(raised);
    }

    JsonNode document() throws IOException {
        return yaml.readTree(DOCS.resolve("asyncapi.yaml").toFile());
    }

    private JsonNode resolve(JsonNode node) throws IOException {
        var ref = node.path("$ref").asText();
        return ref.startsWith("#/") ? document().at(ref.substring(1)) : node;
    }

    private static void collectFileReferences(JsonNode node, Set<String> into) {
        if (node.has("$ref") && node.get("$ref").asText().startsWith("./")) {
            into.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectFileReferences(child, into));
    }

    private static Set<String> names(JsonNode node) {
        var names = new TreeSet<String>();
        if (node.isArray()) {
            node.forEach(name -> names.add(name.asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** Any instance will do: only its type is read. */
    private static Object instance(Class<?> type) throws ReflectiveOperationException {
        var components = type.getRecordComponents();
        var values = new Object[components.length];
        var types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = types[i] == int.class ? 0 : types[i] == boolean.class ? false
                    : types[i] == Instant.class ? Instant.EPOCH : types[i] == String.class ? "x" : null;
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }
}
