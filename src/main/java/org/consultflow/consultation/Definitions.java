package org.consultflow.consultation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads consultation definitions written in YAML or JSON (JSON is YAML) and refuses invalid ones with every problem
 * listed: first against the shipped JSON Schema, then the rules a schema cannot express.
 */
@Component
public class Definitions {

    /** A round of 10,000 consultees runs to a few megabytes, past SnakeYAML's 3 MB default. */
    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private final Clock clock;
    private final ObjectMapper mapper;
    private final DefinitionSchema schema;
    private final DefinitionRules rules = new DefinitionRules();

    public Definitions(Clock clock) {
        this.clock = clock;
        LoaderOptions limits = new LoaderOptions();
        limits.setCodePointLimit(MAX_CODE_POINTS);
        this.mapper = YAMLMapper.builder(YAMLFactory.builder().loaderOptions(limits).build())
                .addModule(new JavaTimeModule())
                // Keep the offset the coordinator wrote; the default would turn every deadline into UTC.
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // A key written twice is almost always a copy-paste slip; silently keeping the last would hide it.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.schema = new DefinitionSchema(mapper);
    }

    /**
     * @param rehearsal whether the round will be a rehearsal, which may use a deadline in the past
     * @throws InvalidDefinitionException listing every problem found
     */
    public Definition read(String text, boolean rehearsal) throws InvalidDefinitionException {
        JsonNode tree = parse(text);
        List<DefinitionProblem> problems = new ArrayList<>(schema.check(tree));
        // One problem per place is enough: a duration the schema refused needs no second word from the rules.
        Set<String> reported = problems.stream().map(DefinitionProblem::path).collect(Collectors.toSet());
        rules.check(tree, rehearsal, clock.instant()).stream()
                .filter(problem -> !reported.contains(problem.path()))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        try {
            return mapper.treeToValue(tree, Definition.class);
        } catch (JsonProcessingException e) {
            throw refused("", "The definition could not be read: " + e.getOriginalMessage());
        }
    }

    /**
     * A consultee to add to a running round, checked like the consultees of a definition: against the schema, then
     * against the round (unique id, a group it has, an address mail can go to, no control characters).
     *
     * @throws InvalidRequestException listing every problem, with paths starting at the consultee
     */
    public Definition.Consultee readConsultee(JsonNode consultee, Definition round) {
        if (consultee == null || !consultee.isObject()) {
            throw new InvalidRequestException("", "Give the consultee as an object with id, organisation, group and "
                    + "contact (name and email), as in a definition's consultees");
        }
        List<DefinitionProblem> problems = new ArrayList<>(schema.checkConsultee(consultee));
        Set<String> reported = problems.stream().map(DefinitionProblem::path).collect(Collectors.toSet());
        rules.checkConsultee(consultee, round).stream()
                .filter(problem -> !reported.contains(problem.path()))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        try {
            return mapper.treeToValue(consultee, Definition.Consultee.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("", "The consultee could not be read: " + e.getOriginalMessage());
        }
    }

    /** The consultee as the JSON a definition would hold, without the fields left out (null). */
    JsonNode tree(Definition.Consultee consultee) {
        return mapper.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL).valueToTree(consultee);
    }

    /** The definition as a tree, read by the same parser and limits as {@link #read}, not yet checked. */
    public JsonNode parse(String text) throws InvalidDefinitionException {
        try {
            JsonNode tree = mapper.readTree(text == null ? "" : text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw refused("", "The definition is empty.");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw refused("", "The definition could not be read as YAML or JSON" + where(e));
        }
    }

    /** SnakeYAML's own message repeats the offending line with a caret; the bare problem reads better in a list. */
    private static String where(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            return " (line %d, column %d): %s".formatted(mark.getLine() + 1, mark.getColumn() + 1, yaml.getProblem());
        }
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? ": " + e.getOriginalMessage()
                : " (line %d, column %d): %s".formatted(location.getLineNr(), location.getColumnNr(), e.getOriginalMessage());
    }

    private static InvalidDefinitionException refused(String path, String message) {
        return new InvalidDefinitionException(List.of(new DefinitionProblem(path, message)));
    }
}
