package org.consultflow.platform;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The API's answer to a failure nobody foresaw, such as a database error: a 500 problem with an incident id and no
 * exception text, which may hold SQL, table names or personal data; the log keeps the whole exception under that id.
 * <p>
 * A resolver ordered last rather than a catch-all {@code @RestControllerAdvice}: advices are tried in order and the
 * first with a matching handler wins, so a catch-all advice tied at the lowest precedence with a feature's advice
 * (such as ConsultationProblems) could take that feature's 404s and 409s, depending on the order classes were
 * scanned. This runs only after every advice, {@code @ResponseStatus} and Spring MVC's own mapping had their turn.
 */
@Component
class UnexpectedApiErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedApiErrors.class);

    private final ProblemResponses problems;

    UnexpectedApiErrors(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/") || response.isCommitted()
                // Spring Security turns these into 401 and 403 further out.
                || e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            return null;
        }
        var incident = UUID.randomUUID();
        log.error("Incident {}: {} {} failed", incident, request.getMethod(), request.getRequestURI(), e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our "
                + "side. Quote incident " + incident + " if you report it; the request may not have taken effect.");
        problem.setTitle("Internal error");
        problem.setProperty("incident", incident.toString());
        try {
            response.resetBuffer();
            problems.send(response, problem);
        } catch (IOException writeFailed) {
            log.warn("Incident {}: the error response could not be written", incident, writeFailed);
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
