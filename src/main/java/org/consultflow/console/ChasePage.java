package org.consultflow.console;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.consultflow.consultation.InvalidRequestException;
import org.consultflow.consultation.RoundActions;
import org.consultflow.consultation.RoundConflictException;
import org.consultflow.engagement.ChaseTasks;
import org.consultflow.platform.Audit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Records what came of a chase call to a silent required consultee, completing the same task Tasklist shows, so the
 * outcome lands on the engagement and in the round's history either way.
 */
@Controller
@RequestMapping("/console/rounds/{key}/chase/{taskId}")
class ChasePage {

    private final RoundActions rounds;
    private final ChaseTasks chases;

    ChasePage(RoundActions rounds, ChaseTasks chases) {
        this.rounds = rounds;
        this.chases = chases;
    }

    @GetMapping
    String form(@PathVariable String key, @PathVariable String taskId, Model model) {
        return page(key, task(key, taskId), "", "", Map.of(), model);
    }

    @PostMapping
    String complete(@PathVariable String key, @PathVariable String taskId,
            @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String note,
            Model model, HttpServletResponse http, RedirectAttributes redirect) {
        var task = task(key, taskId);
        var problems = new LinkedHashMap<String, String>();
        try {
            chases.complete(key, taskId, outcome.strip(), note.isBlank() ? null : note.strip(), Audit.actor());
            redirect.addFlashAttribute("done", "Chase call to " + task.organisation() + " recorded: " + outcome.strip());
            return "redirect:/console/rounds/" + key;
        } catch (InvalidRequestException e) {
            e.problems().forEach(p -> problems.putIfAbsent(p.path().equals("note") ? "note" : "outcome",
                    message(p.path(), p.message())));
        } catch (RoundConflictException | ChaseTasks.UnknownTask e) {
            problems.put("outcome", e.getMessage());
        }
        http.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(key, task, outcome, note, problems, model);
    }

    private static String message(String path, String message) {
        if (path.equals("note")) {
            return "The note must be 1,000 characters or fewer, without control characters";
        }
        return message.startsWith("say what") ? "Enter what came of the call, such as \u201cpromised a response by "
                + "Friday\u201d or \u201cno answer\u201d"
                : "The outcome must be 200 characters or fewer on one line, without control characters";
    }

    private ChaseTasks.ChaseTask task(String key, String taskId) {
        return chases.open(key).stream().filter(t -> t.taskId().equals(taskId)).findFirst()
                .orElseThrow(() -> new ConsolePages.NotFound("Chase call not found",
                        "This chase call is no longer open: its outcome was recorded already, or the round has closed."));
    }

    private String page(String key, ChaseTasks.ChaseTask task, String outcome, String note,
            Map<String, String> problems, Model model) {
        model.addAttribute("round", rounds.view(key));
        model.addAttribute("task", task);
        model.addAttribute("outcome", outcome);
        model.addAttribute("note", note);
        model.addAttribute("problems", problems);
        return "console/chase";
    }
}
