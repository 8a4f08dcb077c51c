package org.consultflow.response;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.consultation.Round;
import org.consultflow.consultation.Rounds;
import org.consultflow.engagement.PersonalLinks;
import org.consultflow.notification.Deadlines;
import org.consultflow.response.Drafts.Draft;
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
 * The consultee's personal-link pages: the form (showing a saved draft, else the version that counts), saving for
 * later, sending, and a printable copy. The token is the consultee's only credential, so it appears in URLs and
 * nowhere else, not even in logs.
 */
@Controller
@RequestMapping("/respond")
class ResponseForm {

    static final String SAVE = "save";

    private final PersonalLinks links;
    private final Rounds rounds;
    private final Responses responses;
    private final Drafts drafts;
    private final ResponseFormSender sender;
    private final ResponsePageSettings settings;
    private final Clock clock;

    ResponseForm(PersonalLinks links, Rounds rounds, Responses responses, Drafts drafts, ResponseFormSender sender,
            ResponsePageSettings settings, Clock clock) {
        this.links = links;
        this.rounds = rounds;
        this.responses = responses;
        this.drafts = drafts;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    record Link(String token, Round round, Consultee consultee) {

        String roundKey() {
            return round.key();
        }

        String consulteeId() {
            return consultee.id();
        }
    }

    @GetMapping("/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse http) {
        var link = resolve(token);
        if (!acceptsResponses(link)) {
            return closed(link, model, http);
        }
        var activity = LinkActivity.of(link, responses, drafts);
        return form(link, activity.values(link.round().definition()), Map.of(), model);
    }

    @PostMapping("/{token}")
    String send(@PathVariable String token, @RequestParam Map<String, String> form,
            @RequestParam(name = "action", defaultValue = "send") String action, Model model, HttpServletResponse http) {
        var link = resolve(token);
        if (!acceptsResponses(link)) {
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

    @GetMapping("/{token}/saved")
    String saved(@PathVariable String token, Model model) {
        var link = resolve(token);
        about(link, model);
        model.addAttribute("activity", LinkActivity.of(link, responses, drafts));
        return "respond/saved";
    }

    @GetMapping("/{token}/sent")
    String sent(@PathVariable String token, Model model) {
        var link = resolve(token);
        about(link, model);
        return "respond/sent";
    }

    /** The version that counts, laid out to read or print; the form itself prints poorly with its empty fields. */
    @GetMapping("/{token}/copy")
    String copy(@PathVariable String token, Model model) {
        var link = resolve(token);
        about(link, model);
        var activity = LinkActivity.of(link, responses, drafts);
        model.addAttribute("activity", activity);
        model.addAttribute("answers", activity.counted() == null ? java.util.List.of()
                : Receipts.copy(link.round().definition(), activity.counted().response().answers()));
        return "respond/copy";
    }

    /** Late responses are taken until a while after the report's approval; then the link only shows what was sent. */
    private boolean acceptsResponses(Link link) {
        var approved = link.round().approvedAt();
        return approved == null || clock.instant().isBefore(approved.plus(settings.lateAfterApproval()));
    }

    private String closed(Link link, Model model, HttpServletResponse http) {
        http.setStatus(HttpStatus.GONE.value());
        about(link, model);
        var zone = link.round().definition().timezone();
        model.addAttribute("approved", Deadlines.format(link.round().approvedAt().atZone(zone)));
        model.addAttribute("activity", LinkActivity.of(link, responses, drafts));
        return "respond/closed";
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
        model.addAttribute("maxText", ResponseFormAnswers.MAX_TEXT);
        model.addAttribute("save", SAVE);
        model.addAttribute("activity", LinkActivity.of(link, responses, drafts));
        return "respond/form";
    }

    private void about(Link link, Model model) {
        model.addAttribute("token", link.token());
        model.addAttribute("title", link.round().definition().title());
        model.addAttribute("organisation", link.consultee().organisation());
        model.addAttribute("deadline", Deadlines.format(link.round().localDeadline()));
        model.addAttribute("open", link.round().isOpen());
        // A round closed early closed then, not at the deadline it had.
        var round = link.round();
        var closedAt = round.closedAt() != null && round.closedAt().isBefore(round.schedule().deadline())
                ? round.closedAt() : round.schedule().deadline();
        model.addAttribute("closedAt", Deadlines.format(closedAt.atZone(round.definition().timezone())));
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
