package org.consultflow.console;

import java.security.Principal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

import org.consultflow.consultation.RoundAccess;
import org.consultflow.consultation.UnknownConsulteeException;
import org.consultflow.consultation.UnknownRoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerMapping;

/** What every console page shows around its content: who is signed in, and a page rather than JSON when lost. */
@ControllerAdvice(basePackageClasses = ConsolePages.class)
class ConsolePages {

    /** Something a console address names is not there (any more): a page saying so, with the way back. */
    static class NotFound extends RuntimeException {

        final String heading;

        NotFound(String heading, String message) {
            super(message);
            this.heading = heading;
        }
    }

    private final RoundAccess access;

    ConsolePages(RoundAccess access) {
        this.access = access;
    }

    /**
     * {@code manage}: whether the signed-in person may change the round the address names (a round may name its
     * coordinators); pages then offer its actions only to them. The server refuses the others anyway.
     */
    @ModelAttribute
    void chrome(Principal principal, HttpServletRequest request, Model model) {
        model.addAttribute("user", principal == null ? null : principal.getName());
        model.addAttribute("admin", request.isUserInRole("ADMIN"));
        var variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        var key = variables instanceof Map<?, ?> map ? map.get("key") : null;
        model.addAttribute("manage", !(key instanceof String roundKey)
                || access.mayManage(roundKey, SecurityContextHolder.getContext().getAuthentication()));
    }

    @ExceptionHandler(UnknownRoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknownRound(UnknownRoundException e, Model model) {
        model.addAttribute("heading", "Round not found");
        model.addAttribute("message", e.getMessage());
        return "console/not-found";
    }

    @ExceptionHandler(UnknownConsulteeException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknownConsultee(UnknownConsulteeException e, Model model) {
        model.addAttribute("heading", "Consultee not found");
        model.addAttribute("message", e.getMessage());
        return "console/not-found";
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFound e, Model model) {
        model.addAttribute("heading", e.heading);
        model.addAttribute("message", e.getMessage());
        return "console/not-found";
    }
}
