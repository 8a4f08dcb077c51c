package org.consultflow.console;

import jakarta.servlet.http.HttpServletResponse;
import org.consultflow.consultation.RoundActions;
import org.consultflow.consultation.RoundConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Closes a round before its deadline, after the coordinator confirms: there is no reopening it. */
@Controller
@RequestMapping("/console/rounds/{key}/close")
class ClosePage {

    private final RoundActions rounds;

    ClosePage(RoundActions rounds) {
        this.rounds = rounds;
    }

    @GetMapping
    String confirm(@PathVariable String key, Model model) {
        model.addAttribute("round", rounds.view(key));
        model.addAttribute("problem", null);
        return "console/close";
    }

    @PostMapping
    String close(@PathVariable String key, Model model, HttpServletResponse http, RedirectAttributes redirect) {
        try {
            rounds.closeNow(key);
        } catch (RoundConflictException e) {
            http.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("round", rounds.view(key));
            model.addAttribute("problem", e.getMessage());
            return "console/close";
        }
        redirect.addFlashAttribute("done", "The round is closing: the draft report follows in a few moments");
        return "redirect:/console/rounds/" + key;
    }
}
