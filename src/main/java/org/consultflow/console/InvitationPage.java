package org.consultflow.console;

import jakarta.servlet.http.HttpServletResponse;
import org.consultflow.consultation.Definition;
import org.consultflow.consultation.RoundActions;
import org.consultflow.consultation.RoundConflictException;
import org.consultflow.consultation.UnknownConsulteeException;
import org.consultflow.engagement.Invitations;
import org.consultflow.platform.Audit;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sends a consultee's invitation again after the coordinator confirms: the new mail carries a new personal link and
 * the old one stops working, which the confirmation says before anything is sent.
 */
@Controller
@RequestMapping("/console/rounds/{key}/consultees/{consulteeId}/invitation")
class InvitationPage {

    private final RoundActions rounds;
    private final Invitations invitations;

    InvitationPage(RoundActions rounds, Invitations invitations) {
        this.rounds = rounds;
        this.invitations = invitations;
    }

    @GetMapping
    String confirm(@PathVariable String key, @PathVariable String consulteeId, Model model) {
        return page(key, consulteeId, null, model);
    }

    @PostMapping
    String resend(@PathVariable String key, @PathVariable String consulteeId, Model model, HttpServletResponse http,
            RedirectAttributes redirect) {
        var consultee = consultee(key, consulteeId);
        try {
            invitations.resend(key, consulteeId, Audit.actor());
        } catch (RoundConflictException e) {
            http.setStatus(HttpStatus.CONFLICT.value());
            return page(key, consulteeId, e.getMessage(), model);
        } catch (Invitations.NotDelivered e) {
            http.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(key, consulteeId, e.getMessage(), model);
        } catch (MailException e) {
            // The mail server did not take it; the service changed nothing, so the old link still works.
            http.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return page(key, consulteeId, "The mail server did not take the invitation, so nothing was changed and "
                    + "the earlier link still works. Please try again in a few minutes.", model);
        }
        redirect.addFlashAttribute("done", "Invitation sent again to " + consultee.organisation() + " ("
                + consultee.contact().email() + "): the link in the earlier invitation no longer works");
        return "redirect:/console/rounds/" + key;
    }

    private Definition.Consultee consultee(String key, String consulteeId) {
        return rounds.round(key).definition().consultee(consulteeId)
                .orElseThrow(() -> new UnknownConsulteeException(key, consulteeId));
    }

    private String page(String key, String consulteeId, String problem, Model model) {
        model.addAttribute("round", rounds.view(key));
        model.addAttribute("open", rounds.round(key).isOpen());
        model.addAttribute("consultee", consultee(key, consulteeId));
        model.addAttribute("problem", problem);
        return "console/invitation";
    }
}
