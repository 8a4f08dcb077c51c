package org.consultflow.report;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.consultflow.consultation.Rounds;
import org.consultflow.platform.Audit;
import org.consultflow.report.draft.Report;
import org.consultflow.report.render.ReportFormat;
import org.consultflow.report.render.ReportRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The coordinator's review of a drafted report, the same from the API and the console: read it, write commentary,
 * then approve it or send it back with the changes wanted.
 */
@Component
public class ReportReview {

    static final String REVIEW_TASK = "Activity_ReviewReport";

    /** One commentary section for the meeting. */
    public record Section(String heading, String text) {}

    private final Rounds rounds;
    private final Reports reports;
    private final ReportRenderer renderer;
    private final ApprovedReports approved;
    private final CommentarySections sections;
    private final ReportCommentary commentary;
    private final TaskService tasks;
    private final Audit audit;

    ReportReview(Rounds rounds, Reports reports, ReportRenderer renderer, ApprovedReports approved,
            CommentarySections sections, ReportCommentary commentary, TaskService tasks, Audit audit) {
        this.rounds = rounds;
        this.reports = reports;
        this.renderer = renderer;
        this.approved = approved;
        this.sections = sections;
        this.commentary = commentary;
        this.tasks = tasks;
        this.audit = audit;
    }

    /** The report as HTML: the frozen file once approved, else the current draft; empty before the round closes. */
    public Optional<byte[]> html(String key) {
        var round = rounds.get(key);
        return approved.file(key, ReportFormat.HTML).or(() -> reports.find(key)
                .map(report -> renderer.render(ReportFormat.HTML, report, round.definition())));
    }

    public boolean awaitsReview(String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(REVIEW_TASK).count() > 0;
    }

    public List<Section> commentary(String key) {
        return sections.of(key).stream().map(c -> new Section(c.heading(), c.text())).toList();
    }

    /** Replaces the commentary; a draft under review is re-drafted with it at once. */
    public void commentary(String key, List<Section> replacement) {
        commentary.set(key, replacement.stream().map(s -> new Report.Commentary(s.heading(), s.text())).toList());
    }

    /**
     * Completes the review task: approved, or sent back with the changes wanted.
     *
     * @throws ResponseStatusException 409 when no draft of the round waits for review
     */
    public void complete(String key, boolean approve, String changes) {
        rounds.get(key);
        var task = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(REVIEW_TASK)
                .singleResult();
        if (task == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "There is no draft report of round '" + key + "' waiting for review");
        }
        var variables = new HashMap<String, Object>();
        variables.put("approved", approve);
        variables.put("changes", changes);
        tasks.complete(task.getId(), variables);
        audit.record(approve ? "report.approved" : "report.changes-requested", key, changes);
    }
}
