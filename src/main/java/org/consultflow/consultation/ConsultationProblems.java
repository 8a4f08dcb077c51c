package org.consultflow.consultation;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for what a coordinator can get wrong. */
@RestControllerAdvice
class ConsultationProblems {

    @ExceptionHandler
    ProblemDetail invalidDefinition(InvalidDefinitionException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The consultation definition has " + e.problems().size() + " problem(s); all are listed in 'errors'.");
        problem.setTitle("Invalid consultation definition");
        problem.setType(URI.create("https://consultflow.org/problems/invalid-definition"));
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidRequest(InvalidRequestException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + e.problems().size() + " problem(s); all are listed in 'errors'. " + e.getMessage());
        problem.setTitle("Invalid request");
        problem.setType(URI.create("https://consultflow.org/problems/invalid-request"));
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownConsultee(UnknownConsulteeException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown consultee");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownRound(UnknownRoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown consultation round");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail conflict(RoundConflictException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not possible in the round's current state");
        return problem;
    }
}
