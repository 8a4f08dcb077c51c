package org.consultflow.response;

import java.util.List;

import org.consultflow.response.ResponseLinks.ReplacedLink;
import org.consultflow.response.ResponseLinks.UnknownLink;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The personal link's pages around the form: saved, sent, the printable copy, and "page not found". */
@Controller
@RequestMapping("/respond")
class ResponsePages {

    private final ResponseLinks links;
    private final Responses responses;
    private final Drafts drafts;

    ResponsePages(ResponseLinks links, Responses responses, Drafts drafts) {
        this.links = links;
        this.responses = responses;
        this.drafts = drafts;
    }

    @GetMapping("/{token}/saved")
    String saved(@PathVariable String token, Model model) {
        var link = links.resolve(token);
        ResponseLinks.about(link, model);
        model.addAttribute("activity", LinkActivity.of(link, responses, drafts));
        return "respond/saved";
    }

    @GetMapping("/{token}/sent")
    String sent(@PathVariable String token, Model model) {
        ResponseLinks.about(links.resolve(token), model);
        return "respond/sent";
    }

    /** The version that counts, laid out to read or print; the form itself prints poorly with its empty fields. */
    @GetMapping("/{token}/copy")
    String copy(@PathVariable String token, Model model) {
        var link = links.resolve(token);
        ResponseLinks.about(link, model);
        var activity = LinkActivity.of(link, responses, drafts);
        model.addAttribute("activity", activity);
        model.addAttribute("answers", activity.counted() == null ? List.of()
                : Receipts.copy(link.round().definition(), activity.counted().response().answers()));
        return "respond/copy";
    }

    /** A mangled link (cut short, extra characters) gets the same page as an unknown one, not a JSON error. */
    @GetMapping({"", "/**"})
    String elsewhere() {
        throw new UnknownLink();
    }

    @ControllerAdvice(assignableTypes = {ResponseForm.class, ResponsePages.class})
    static class UnknownLinks {

        @ExceptionHandler(UnknownLink.class)
        @ResponseStatus(HttpStatus.NOT_FOUND)
        String unknownLink() {
            return "respond/not-found";
        }

        /** Gone for good, like a closed round's link: the page says when, and where the new link is. */
        @ExceptionHandler(ReplacedLink.class)
        @ResponseStatus(HttpStatus.GONE)
        String replacedLink(ReplacedLink replaced, Model model) {
            model.addAttribute("title", replaced.title());
            model.addAttribute("replacedAt", replaced.replacedAt());
            return "respond/replaced";
        }
    }
}
