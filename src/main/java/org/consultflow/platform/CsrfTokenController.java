package org.consultflow.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands a signed-in browser the CSRF token of its session, to send back as {@code X-CSRF-TOKEN} with every change.
 * Other sites cannot read this answer (same-origin policy, no CORS), so it gives them nothing.
 */
@Tag(name = "Sign-in", description = "For browser clients signed in with a session")
@RestController
class CsrfTokenController {

    record Token(String headerName, String token) {}

    @Operation(summary = "The session's CSRF token, to send as X-CSRF-TOKEN with every change")
    @GetMapping("/api/csrf")
    Token csrf(CsrfToken token) {
        return new Token(token.getHeaderName(), token.getToken());
    }
}
