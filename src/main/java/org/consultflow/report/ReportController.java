package org.consultflow.report;

import java.util.HashMap;

import org.camunda.bpm.engine.TaskService;
import org.consultflow.consultation.Rounds;
import org.consultflow.platform.Audit;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/consultations/{key}/report")
class ReportController {

    static final String MARKDOWN = "text/markdown";

    private final Rounds rounds;
    private final Reports reports;
    private final MarkdownReport markdown;
    private final HtmlReport html;
    private final TaskService tasks;
    private final Audit audit;

    ReportController(Rounds rounds, Reports reports, MarkdownReport markdown, HtmlReport html, TaskService tasks,
            Audit audit) {
        this.audit = audit;
        this.rounds = rounds;
        this.reports = reports;
        this.markdown = markdown;
        this.html = html;
        this.tasks = tasks;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Report json(@PathVariable String key) {
        return report(key);
    }

    @GetMapping(produces = MARKDOWN + ";charset=UTF-8")
    String markdown(@PathVariable String key) {
        return markdown.render(report(key), rounds.get(key).definition());
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String html(@PathVariable String key) {
        return html.render(report(key), rounds.get(key).definition());
    }

    /** Completes the coordinator's review: approve (the default), or send back with the changes wanted. */
    @PostMapping("/approval")
    ResponseEntity<Void> approve(@PathVariable String key, @RequestBody(required = false) Review review) {
        rounds.get(key);
        var task = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("Activity_ReviewReport")
                .singleResult();
        if (task == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "There is no draft report of round '" + key + "' waiting for review");
        }
        var variables = new HashMap<String, Object>();
        variables.put("approved", review == null || review.approved() == null || review.approved());
        variables.put("changes", review == null ? null : review.changes());
        tasks.complete(task.getId(), variables);
        audit.record((Boolean) variables.get("approved") ? "report.approved" : "report.changes-requested", key,
                review == null ? null : review.changes());
        return ResponseEntity.noContent().build();
    }

    record Review(Boolean approved, String changes) {}

    private Report report(String key) {
        rounds.get(key);
        return reports.find(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "The report of round '" + key + "' has not been drafted yet; it is drafted when the round closes"));
    }
}
