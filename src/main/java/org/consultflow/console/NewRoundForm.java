package org.consultflow.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.consultflow.consultation.DefinitionProblem;
import org.consultflow.consultation.Definitions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Starting a round without writing YAML: a form whose answers become a definition, checked by the same rules as an
 * uploaded one and then previewed and started by {@link NewRoundPage}, so both ways in end alike.
 */
@Controller
@RequestMapping("/console/rounds/new/form")
class NewRoundForm {

    private final Definitions definitions;

    NewRoundForm(Definitions definitions) {
        this.definitions = definitions;
    }

    @GetMapping
    String form(Model model) {
        return show(new RoundForm(Map.of()), List.of(), model);
    }

    @PostMapping
    String check(@RequestParam Map<String, String> inputs,
            @RequestParam(name = "consultees-file", required = false) MultipartFile file, HttpSession session,
            Model model, HttpServletResponse http) throws IOException {
        var form = form(inputs, file);
        var checked = form.check(definitions);
        if (!checked.problems().isEmpty()) {
            http.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(form, checked.problems(), model);
        }
        session.setAttribute(NewRoundPage.PENDING, checked.yaml());
        return "redirect:/console/rounds/new/preview";
    }

    /** What was built so far, problems and all, to keep or to finish by hand and upload later. */
    @PostMapping(params = "download")
    ResponseEntity<String> download(@RequestParam Map<String, String> inputs,
            @RequestParam(name = "consultees-file", required = false) MultipartFile file) throws IOException {
        var form = form(inputs, file);
        var key = form.value("key").strip();
        var name = (key.matches("[a-z0-9][a-z0-9-]{0,62}") ? key : "round") + ".yaml";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .body(form.check(definitions).yaml());
    }

    /** An uploaded CSV is put in the box, so after a problem the coordinator fixes it there, with nothing to re-upload. */
    private static RoundForm form(Map<String, String> inputs, MultipartFile file) throws IOException {
        var values = new HashMap<>(inputs);
        if (file != null && !file.isEmpty()) {
            var csv = new String(file.getBytes(), StandardCharsets.UTF_8);
            values.put("consultees", csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        }
        return new RoundForm(values);
    }

    private static String show(RoundForm form, List<DefinitionProblem> problems, Model model) {
        var errors = new LinkedHashMap<String, List<String>>();
        var summary = problems.stream().map(problem -> new Shown(form.field(problem.path()), problem.toString()))
                .toList();
        for (var problem : problems) {
            errors.merge(form.field(problem.path()), List.of(atField(problem)),
                    (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
        }
        model.addAttribute("values", form.values());
        model.addAttribute("problems", summary);
        model.addAttribute("errors", errors);
        model.addAttribute("groupRows", RoundForm.GROUP_ROWS);
        model.addAttribute("questionRows", RoundForm.QUESTION_ROWS);
        return "console/new-form";
    }

    /** Beside its own field a problem needs no path, unless it is about one part of it: an option, a CSV row. */
    static String atField(DefinitionProblem problem) {
        return problem.path().matches("^(consultees|reminders)\\[.*|.*options\\[.*") ? problem.toString()
                : problem.message();
    }

    /** One line of the error summary: the problem as the API gives it, linked to the field where it is shown. */
    record Shown(String field, String text) {}
}
