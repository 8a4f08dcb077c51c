package org.consultflow.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consultflow.report.render.ReportRenderer;
import org.consultflow.report.render.ReportFormat;

import org.consultflow.report.draft.Report;

import java.util.List;

import org.consultflow.consultation.Rounds;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@Tag(name = "Report", description = "The drafted report in every format, commentary and review")
@RestController
@RequestMapping("/api/consultations/{key}")
class ReportController {

    static final String MARKDOWN = "text/markdown";
    static final String REPORT_SUMMARY = "The report, in the format the Accept header asks for";
    static final String REPORT_FORMATS = "application/json, text/markdown, text/html, application/pdf (A4, tagged), "
            + "Word (.docx) or text/csv (counts and answers, formulas neutralised). Before approval the current "
            + "draft; once approved, the frozen file of that format. `download=true` adds Content-Disposition: "
            + "attachment with a file name.";

    private final Rounds rounds;
    private final Reports reports;
    private final ReportRenderer renderer;
    private final ReportCommentary commentary;
    private final ApprovedReports approved;
    private final ReportReview review;

    ReportController(Rounds rounds, Reports reports, ReportRenderer renderer, ReportCommentary commentary,
            ApprovedReports approved, ReportReview review) {
        this.review = review;
        this.approved = approved;
        this.rounds = rounds;
        this.reports = reports;
        this.renderer = renderer;
        this.commentary = commentary;
    }

    @Operation(summary = REPORT_SUMMARY, description = REPORT_FORMATS)
    @GetMapping(path = "/report", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> json(@PathVariable String key, @RequestParam(defaultValue = "false") boolean download) {
        rounds.get(key);
        // Once approved, even the plain JSON answer is the frozen file, so that its SHA-256 can be checked.
        return download || approved.find(key).isPresent() ? file(key, ReportFormat.JSON, download)
                : ResponseEntity.ok(report(key));
    }

    @Operation(summary = REPORT_SUMMARY, description = REPORT_FORMATS)
    @GetMapping(path = "/report", produces = MARKDOWN + ";charset=UTF-8")
    ResponseEntity<byte[]> markdown(@PathVariable String key, @RequestParam(defaultValue = "false") boolean download) {
        return file(key, ReportFormat.MARKDOWN, download);
    }

    @Operation(summary = REPORT_SUMMARY, description = REPORT_FORMATS)
    @GetMapping(path = "/report", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> html(@PathVariable String key, @RequestParam(defaultValue = "false") boolean download) {
        return file(key, ReportFormat.HTML, download);
    }

    @Operation(summary = REPORT_SUMMARY, description = REPORT_FORMATS)
    @GetMapping(path = "/report", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String key, @RequestParam(defaultValue = "false") boolean download) {
        return file(key, ReportFormat.PDF, download);
    }

    @Operation(summary = REPORT_SUMMARY, description = REPORT_FORMATS)
    @GetMapping(path = "/report", produces = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    ResponseEntity<byte[]> docx(@PathVariable String key, @RequestParam(defaultValue = "false") boolean download) {
        return file(key, ReportFormat.DOCX, download);
    }

    @Operation(summary = REPORT_SUMMARY, description = REPORT_FORMATS)
    @GetMapping(path = "/report", produces = "text/csv")
    ResponseEntity<byte[]> csv(@PathVariable String key, @RequestParam(defaultValue = "false") boolean download) {
        return file(key, ReportFormat.CSV, download);
    }

    /** {@code .../report.pdf} and the like: a download by file name, for links and browsers that cannot set Accept. */
    @Operation(summary = "The report as a file named by its extension: .html, .pdf, .docx, .md, .json or .csv")
    @GetMapping("/report.{extension}")
    ResponseEntity<byte[]> byExtension(@PathVariable String key, @PathVariable String extension) {
        var format = ReportFormat.byExtension(extension).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Reports come as .html, .pdf, .docx, .md, .json and .csv"));
        return file(key, format, true);
    }

    /** Commentary sections for the meeting, kept across re-drafts; refused once the report is approved. */
    @Operation(summary = "Set the coordinator's commentary sections, kept across re-drafts")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping("/report/commentary")
    ResponseEntity<Void> commentary(@PathVariable String key, @RequestBody CommentaryRequest request) {
        commentary.set(key, request.sections() == null ? List.of() : request.sections());
        return ResponseEntity.noContent().build();
    }

    record CommentaryRequest(List<Report.Commentary> sections) {}

    /** After approval the frozen bytes, so every download of the approved report is the same file. */
    private ResponseEntity<byte[]> file(String key, ReportFormat format, boolean download) {
        var round = rounds.get(key);
        var body = approved.file(key, format)
                .orElseGet(() -> renderer.render(format, report(key), round.definition()));
        var response = ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, format.contentType());
        if (download) {
            response.header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(format.fileName(key)).build().toString());
        }
        return response.body(body);
    }

    /** Completes the coordinator's review: approve (the default), or send back with the changes wanted. */
    @Operation(summary = "Approve the draft report, or send it back with the changes wanted")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/report/approval")
    ResponseEntity<Void> approve(@PathVariable String key, @RequestBody(required = false) Review review) {
        this.review.complete(key, review == null || review.approved() == null || review.approved(),
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
