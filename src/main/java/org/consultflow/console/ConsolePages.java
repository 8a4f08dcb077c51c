package org.consultflow.console;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import org.consultflow.consultation.UnknownRoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What every console page shows around its content: who is signed in, and a page rather than JSON when lost. */
@ControllerAdvice(basePackageClasses = ConsolePages.class)
class ConsolePages {

    @ModelAttribute
    void chrome(Principal principal, HttpServletRequest request, Model model) {
        model.addAttribute("user", principal == null ? null : principal.getName());
        model.addAttribute("admin", request.isUserInRole("ADMIN"));
    }

    @ExceptionHandler(UnknownRoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknownRound(UnknownRoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "console/not-found";
    }
}
