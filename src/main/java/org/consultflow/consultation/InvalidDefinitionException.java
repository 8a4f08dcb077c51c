package org.consultflow.consultation;

import java.util.List;
import java.util.stream.Collectors;

/** A consultation definition was refused. Carries every problem found, so the coordinator can fix them in one go. */
public class InvalidDefinitionException extends Exception {

    private final List<DefinitionProblem> problems;

    public InvalidDefinitionException(List<DefinitionProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }

    private static String describe(List<DefinitionProblem> problems) {
        return problems.stream()
                .map(DefinitionProblem::toString)
                .collect(Collectors.joining("; ", "The consultation definition has " + count(problems) + ": ", ""));
    }

    private static String count(List<DefinitionProblem> problems) {
        return problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    }
}
