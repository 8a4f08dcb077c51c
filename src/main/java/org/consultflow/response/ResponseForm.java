package org.consultflow.response;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.consultation.Round;
import org.consultflow.consultation.Rounds;
import org.consultflow.engagement.PersonalLinks;
import org.consultflow.notification.Deadlines;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The consultee's personal-link pages: the form, prefilled with the version that counts, and the confirmation.
 * The token is the consultee's only credential, so it appears in URLs and nowhere else, not even in logs.
 */
@Controller
@RequestMapping("/respond")
class ResponseForm {

    private final PersonalLinks links;
    private final Rounds rounds;
    private final Responses responses;
    private final ResponseFormSender sender;

    ResponseForm(PersonalLinks links, Rounds rounds, Responses responses, ResponseFormSender sender) {
        this.links = links;
        this.rounds = rounds;
        this.responses = responses;
        this.sender = sender;
    }

    private record Link(String token, Round round, Consultee consultee) {}

    @GetMapping("/{token}")
    String show(@PathVariable String token, Model model) {
        var link = resolve(token);
        var values = responses.latest(link.round().key(), link.consultee().id())
                .map(latest -> ResponseFormAnswers.prefill(link.round().definition(), latest))
                .orElse(Map.of());
        return form(link, values, Map.of(), model);
    }

    @PostMapping("/{token}")
    String send(@PathVariable String token, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse http) {
        var link = resolve(token);
        var filled = ResponseFormAnswers.read(link.round().definition(), form);
        if (!filled.valid()) {
            http.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(link, form, filled.problems(), model);
        }
        try {
            sender.send(link.round().key(), link.consultee().id(), filled);
        } catch (ResponseFormSender.NotSent e) {
            http.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("notSent", true);
            return form(link, form, Map.of(), model);
        }
        return "redirect:/respond/" + token + "/sent";
    }

    @GetMapping("/{token}/sent")
    String sent(@PathVariable String token, Model model) {
        var link = resolve(token);
        about(link, model);
        return "respond/sent";
    }

    /** A mangled link (cut short, extra characters) gets the same page as an unknown one, not a JSON error. */
    @GetMapping({"", "/**"})
    String elsewhere() {
        throw new UnknownLink();
    }

    @ExceptionHandler(UnknownLink.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknownLink() {
        return "respond/not-found";
    }

    private String form(Link link, Map<String, String> values, Map<String, String> problems, Model model) {
        about(link, model);
        var definition = link.round().definition();
        model.addAttribute("summary", definition.summary());
        model.addAttribute("documents", definition.documents());
        model.addAttribute("fields", ResponseFormAnswers.fields(definition));
        model.addAttribute("values", values);
        model.addAttribute("problems", problems);
        model.addAttribute("other", ResponseFormAnswers.OTHER);
        model.addAttribute("nameField", ResponseFormAnswers.NAME);
        model.addAttribute("emailField", ResponseFormAnswers.EMAIL);
        responses.latest(link.round().key(), link.consultee().id()).ifPresent(latest -> model.addAttribute(
                "respondedAt", Deadlines.format(latest.recordedAt().atZone(definition.timezone()))));
        return "respond/form";
    }

    private void about(Link link, Model model) {
        model.addAttribute("token", link.token());
        model.addAttribute("title", link.round().definition().title());
        model.addAttribute("organisation", link.consultee().organisation());
        model.addAttribute("deadline", Deadlines.format(link.round().localDeadline()));
        model.addAttribute("open", link.round().isOpen());
    }

    private Link resolve(String token) {
        return links.resolve(token)
                .flatMap(engagement -> rounds.find(engagement.roundKey())
                        .flatMap(round -> round.definition().consultee(engagement.consulteeId())
                                .map(consultee -> new Link(token, round, consultee))))
                .orElseThrow(UnknownLink::new);
    }

    /** Carries no token: whatever logs it must not learn the link. */
    static final class UnknownLink extends RuntimeException {

        UnknownLink() {
            super("unknown personal link", null, false, false);
        }
    }
}
