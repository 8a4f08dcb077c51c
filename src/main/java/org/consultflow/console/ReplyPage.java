package org.consultflow.console;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.consultflow.consultation.Round;
import org.consultflow.consultation.RoundAccess;
import org.consultflow.consultation.RoundActions;
import org.consultflow.consultation.UnknownRoundException;
import org.consultflow.platform.Audit;
import org.consultflow.response.OfflineResponses;
import org.consultflow.response.reply.WaitingReplies;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An emailed reply read in the console and recorded as the consultee's EMAIL response, answers per question as for a
 * letter. The mail is shown as text only and its attachments only as downloads, never rendered on ConsultFlow's
 * origin. A reply in triage (matched to no round) is given its round first, then its consultee.
 */
@Controller
@RequestMapping("/console/replies")
class ReplyPage {

    private final WaitingReplies replies;
    private final RoundActions rounds;
    private final RoundAccess access;

    ReplyPage(WaitingReplies replies, RoundActions rounds, RoundAccess access) {
        this.replies = replies;
        this.rounds = rounds;
        this.access = access;
    }

    @GetMapping
    String triage(Model model) {
        model.addAttribute("unmatched", replies.unmatched());
        model.addAttribute("zone", ZoneOffset.UTC);
        return "console/replies";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String round, Model model) {
        var values = new LinkedHashMap<String, String>();
        var reply = reply(id);
        if (reply.consulteeId() != null) {
            values.put("consultee", reply.consulteeId());
        }
        return page(reply, round, values, Map.of(), model);
    }

    @PostMapping("/{id}")
    String record(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse http, RedirectAttributes redirect) throws IOException {
        var reply = reply(id);
        var round = roundOf(reply, form.get("round"));
        var problems = new LinkedHashMap<String, String>();
        if (round == null) {
            problems.put("round", "Choose the round the reply is about");
            http.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(reply, null, form, problems, model);
        }
        // No path names the round here, so the round's own coordinators are checked as the path check would.
        if (!access.mayManage(round.key(), SecurityContextHolder.getContext().getAuthentication())) {
            http.sendError(HttpServletResponse.SC_FORBIDDEN);
            return null;
        }
        var definition = round.definition();
        var consulteeId = reply.consulteeId() != null ? reply.consulteeId() : form.getOrDefault("consultee", "");
        if (definition.consultee(consulteeId).isEmpty()) {
            problems.put("consultee", "Choose the organisation the reply is from");
        }
        var answers = OfflineResponsePage.answers(definition, form, problems);
        var note = form.getOrDefault("note", "").strip();
        if (problems.isEmpty()) {
            try {
                var outcome = replies.record(id, round.key(), consulteeId, answers, note.isEmpty() ? null : note,
                        Audit.actor());
                if (outcome.recorded()) {
                    redirect.addFlashAttribute("done", "Emailed reply recorded as the response of "
                            + definition.consultee(consulteeId).orElseThrow().organisation()
                            + ": it will show here once the inbox has taken it");
                    return "redirect:/console/rounds/" + round.key();
                }
                outcome.problems().forEach(problem -> problems.putIfAbsent(
                        OfflineResponsePage.field(definition, problem), OfflineResponsePage.plain(problem)));
            } catch (WaitingReplies.AlreadyRecorded e) {
                http.setStatus(HttpStatus.CONFLICT.value());
                return page(reply(id), round.key(), form, problems, model);
            } catch (OfflineResponses.Unavailable e) {
                http.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                model.addAttribute("unavailable", true);
                return page(reply, round.key(), form, problems, model);
            }
        }
        http.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(reply, round.key(), form, problems, model);
    }

    private WaitingReplies.Reply reply(long id) {
        return replies.find(id).orElseThrow(() -> new ConsolePages.NotFound("Reply not found",
                "There is no emailed reply with the id " + id + "."));
    }

    /** A matched reply's own round; for one in triage the round chosen, if there is such a round. */
    private Round roundOf(WaitingReplies.Reply reply, String chosen) {
        var key = reply.roundKey() != null ? reply.roundKey() : chosen;
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            return rounds.round(key);
        } catch (UnknownRoundException e) {
            return null;
        }
    }

    private String page(WaitingReplies.Reply reply, String chosenRound, Map<String, String> values,
            Map<String, String> problems, Model model) {
        var round = roundOf(reply, chosenRound);
        model.addAttribute("reply", reply);
        model.addAttribute("round", round);
        model.addAttribute("values", values);
        model.addAttribute("problems", problems);
        model.addAttribute("other", OfflineResponsePage.OTHER);
        model.addAttribute("zone", round == null ? ZoneOffset.UTC : round.definition().timezone());
        if (round == null) {
            model.addAttribute("rounds", rounds.all());
        } else {
            var definition = round.definition();
            model.addAttribute("definition", definition);
            model.addAttribute("consultee", reply.consulteeId() == null ? null
                    : definition.consultee(reply.consulteeId()).orElse(null));
            var fields = new LinkedHashMap<String, String>();
            definition.questions().forEach(q -> fields.put(q.id(), OfflineResponsePage.fieldOf(q)));
            model.addAttribute("questionFields", fields);
        }
        return "console/reply";
    }
}
