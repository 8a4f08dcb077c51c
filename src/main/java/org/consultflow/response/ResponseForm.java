package org.consultflow.response;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.consultflow.response.Drafts.Draft;
import org.consultflow.response.ResponseLinks.Link;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The consultee's form: it shows a saved draft, else the version that counts; it saves for later or sends. Once the
 * link no longer takes responses it says so instead, and takes nothing.
 */
@Controller
@RequestMapping("/respond")
class ResponseForm {

    static final String SAVE = "save";

    private final ResponseLinks links;
    private final Responses responses;
    private final Drafts drafts;
    private final ResponseFormSender sender;
    private final Clock clock;

    ResponseForm(ResponseLinks links, Responses responses, Drafts drafts, ResponseFormSender sender, Clock clock) {
        this.links = links;
        this.responses = responses;
        this.drafts = drafts;
        this.sender = sender;
        this.clock = clock;
    }

    @GetMapping("/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse http) {
        var link = links.resolve(token);
        if (!links.acceptsResponses(link)) {
            return closed(link, model, http);
        }
        var activity = LinkActivity.of(link, responses, drafts);
        return form(link, activity.values(link.round().definition()), Map.of(), model);
    }

    @PostMapping("/{token}")
    String send(@PathVariable String token, @RequestParam Map<String, String> form,
            @RequestParam(name = "action", defaultValue = "send") String action, Model model, HttpServletResponse http) {
        var link = links.resolve(token);
        if (!links.acceptsResponses(link)) {
            return closed(link, model, http);
        }
        if (SAVE.equals(action)) {
            return save(link, form, model, http);
        }
        var filled = ResponseFormAnswers.read(link.round().definition(), form);
        if (!filled.valid()) {
            http.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(link, form, filled.problems(), model);
        }
        try {
            sender.send(link.roundKey(), link.consulteeId(), filled);
        } catch (ResponseFormSender.NotSent e) {
            http.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("notSent", true);
            return form(link, form, Map.of(), model);
        }
        // Sent answers replace the draft: showing the draft again would look as if they had not gone.
        drafts.discard(link.roundKey(), link.consulteeId());
        return "redirect:/respond/" + token + "/sent";
    }

    private String save(Link link, Map<String, String> form, Model model, HttpServletResponse http) {
        var kept = DraftFields.read(link.round().definition(), form);
        if (!kept.valid()) {
            http.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(link, form, kept.problems(), model);
        }
        drafts.save(link.roundKey(), link.consulteeId(), new Draft(kept.fields(), kept.savedBy(), clock.instant()));
        return "redirect:/respond/" + link.token() + "/saved";
    }

    private String closed(Link link, Model model, HttpServletResponse http) {
        http.setStatus(HttpStatus.GONE.value());
        ResponseLinks.about(link, model);
        model.addAttribute("activity", LinkActivity.of(link, responses, drafts));
        return "respond/closed";
    }

    private String form(Link link, Map<String, String> values, Map<String, String> problems, Model model) {
        ResponseLinks.about(link, model);
        var definition = link.round().definition();
        model.addAttribute("summary", definition.summary());
        model.addAttribute("documents", definition.documents());
        model.addAttribute("fields", ResponseFormAnswers.fields(definition));
        model.addAttribute("values", values);
        model.addAttribute("problems", problems);
        model.addAttribute("other", ResponseFormAnswers.OTHER);
        model.addAttribute("nameField", ResponseFormAnswers.NAME);
        model.addAttribute("emailField", ResponseFormAnswers.EMAIL);
        model.addAttribute("maxText", ResponseFormAnswers.MAX_TEXT);
        model.addAttribute("save", SAVE);
        model.addAttribute("activity", LinkActivity.of(link, responses, drafts));
        return "respond/form";
    }
}
