package org.consultflow.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Refuses API requests with problem JSON, and never with a {@code WWW-Authenticate: Basic} challenge: a browser that
 * answered one would keep sending the credentials, also with requests forged by other sites, and Basic-authenticated
 * requests are exempt from the CSRF token only because a browser never sends them on its own.
 */
class RefusedApiRequests implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;

    RefusedApiRequests(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        problems.send(response, problem(HttpStatus.UNAUTHORIZED, "Sign-in needed",
                "Send HTTP Basic credentials with the request, or sign in at /login first."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.send(response, e instanceof CsrfException
                ? problem(HttpStatus.FORBIDDEN, "CSRF token missing or wrong",
                        "A request authenticated by the session cookie needs the token from GET /api/csrf in the "
                                + "X-CSRF-TOKEN header. API clients send HTTP Basic credentials instead.")
                : problem(HttpStatus.FORBIDDEN, "Not allowed", "Your account may not do this."));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
