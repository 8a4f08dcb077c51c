package org.consultflow.consultation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A coordinator's request was refused for what it said, not for the round's state: every problem with where it is,
 * in the same {@code {path, message}} shape as a refused definition, so that a page can show each beside its field.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<DefinitionProblem> problems;

    public InvalidRequestException(List<DefinitionProblem> problems) {
        super(problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public InvalidRequestException(String path, String message) {
        this(List.of(new DefinitionProblem(path, message)));
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
