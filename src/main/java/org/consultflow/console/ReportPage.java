package org.consultflow.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.consultflow.consultation.RoundActions;
import org.consultflow.report.ReportReview;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's review of the drafted report: read it, add commentary, request changes or approve. */
@Controller
@RequestMapping("/console/rounds/{key}/report")
class ReportPage {

    /** Sections the page offers at most; the meeting's papers rarely need more. */
    static final int SECTIONS = 5;
    static final int LONGEST_TEXT = 10_000;

    record Section(String heading, String text) {}

    private final RoundActions rounds;
    private final ReportReview review;

    ReportPage(RoundActions rounds, ReportReview review) {
        this.rounds = rounds;
        this.review = review;
    }

    @GetMapping
    String show(@PathVariable String key, Model model) {
        var sections = new ArrayList<Section>(review.commentary(key).stream()
                .map(s -> new Section(s.heading(), s.text())).toList());
        return page(key, sections, Map.of(), "", model);
    }

    /** The report itself, inline: the same HTML the API serves, for the coordinator to read before deciding. */
    @GetMapping(path = "/draft", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> draft(@PathVariable String key) {
        return review.html(key).map(ResponseEntity::ok).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "The report is drafted when the round closes"));
    }

    @PostMapping("/commentary")
    String commentary(@PathVariable String key, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse http, RedirectAttributes redirect) {
        var sections = new ArrayList<Section>();
        var problems = new LinkedHashMap<String, String>();
        for (int i = 0; i < SECTIONS; i++) {
            var heading = form.getOrDefault("heading-" + i, "").strip();
            var text = form.getOrDefault("text-" + i, "").strip();
            sections.add(new Section(heading, text));
            if (heading.isEmpty() && !text.isEmpty()) {
                problems.put("heading-" + i, "Enter a heading for section " + (i + 1));
            } else if (!heading.isEmpty() && text.isEmpty()) {
                problems.put("text-" + i, "Enter the text of section " + (i + 1));
            }
            if (heading.length() > 200) {
                problems.put("heading-" + i, "The heading of section " + (i + 1) + " must be 200 characters or fewer");
            }
            if (text.length() > LONGEST_TEXT) {
                problems.put("text-" + i, "The text of section " + (i + 1) + " must be 10,000 characters or fewer");
            }
        }
        if (problems.isEmpty()) {
            try {
                review.commentary(key, sections.stream().filter(s -> !s.heading().isEmpty())
                        .map(s -> new ReportReview.Section(s.heading(), s.text())).toList());
                redirect.addFlashAttribute("done", "Commentary saved: the draft now includes it");
                return "redirect:/console/rounds/" + key + "/report";
            } catch (ResponseStatusException e) {
                problems.put("heading-0", e.getReason());
            }
        }
        http.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(key, sections, problems, "", model);
    }

    @PostMapping("/review")
    String decide(@PathVariable String key, @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String changes, Model model, HttpServletResponse http,
            RedirectAttributes redirect) {
        var problems = new LinkedHashMap<String, String>();
        var approve = "approve".equals(decision);
        if (!approve && changes.isBlank()) {
            problems.put("changes", "Describe the changes you want before sending the report back");
        } else if (changes.length() > 1900) {
            problems.put("changes", "The changes wanted must be 1,900 characters or fewer");
        }
        if (problems.isEmpty()) {
            try {
                review.complete(key, approve, approve ? null : changes.strip());
                redirect.addFlashAttribute("done", approve ? "Report approved: it is being sent out"
                        : "Changes requested: the report goes back for redrafting");
                return "redirect:/console/rounds/" + key;
            } catch (ResponseStatusException e) {
                problems.put(approve ? "approve" : "changes", e.getReason());
            }
        }
        http.setStatus(HttpStatus.BAD_REQUEST.value());
        var sections = new ArrayList<Section>(review.commentary(key).stream()
                .map(s -> new Section(s.heading(), s.text())).toList());
        return page(key, sections, problems, changes, model);
    }

    private String page(String key, List<Section> sections, Map<String, String> problems, String changes,
            Model model) {
        // The sections written so far and one more to start, up to the most the page takes.
        var padded = new ArrayList<>(sections);
        while (padded.size() < Math.min(SECTIONS, Math.max(sections.size() + 1, 2))) {
            padded.add(new Section("", ""));
        }
        model.addAttribute("round", rounds.view(key));
        model.addAttribute("drafted", review.html(key).isPresent());
        model.addAttribute("awaitsReview", review.awaitsReview(key));
        model.addAttribute("sections", padded.subList(0, Math.min(padded.size(), SECTIONS)));
        model.addAttribute("problems", problems);
        model.addAttribute("changes", changes);
        return "console/report";
    }
}
