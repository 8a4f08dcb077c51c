package org.consultflow.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The one sign-in page for the console, the API's browser use and Camunda's webapps. Spring Security handles the
 * POST; this shows the form, the error after a failed attempt, the signed-out banner and, where OpenID Connect is
 * configured, the link to the organisation's provider.
 */
@Controller
class LoginController {

    private final OidcSettings oidc;

    LoginController(OidcSettings oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("refused", request.getParameter("refused") != null);
        model.addAttribute("signedOut", request.getParameter("signed-out") != null);
        model.addAttribute("oidc", oidc.enabled() ? oidc.name() : null);
        model.addAttribute("oidcLink", "/oauth2/authorization/" + OidcSettings.REGISTRATION);
        return "login";
    }
}
