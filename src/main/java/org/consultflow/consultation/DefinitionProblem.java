package org.consultflow.consultation;

/**
 * One thing wrong with a consultation definition.
 *
 * @param path where it is, such as {@code consultees[3].contact.email}; empty for the definition as a whole
 * @param message what is wrong, in plain English
 */
public record DefinitionProblem(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
