package org.consultflow.console;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.consultflow.consultation.Round;
import org.consultflow.consultation.RoundActions;
import org.consultflow.consultation.RoundConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Extends the deadline or brings it forward, in the round's own time zone, through the API's service. */
@Controller
@RequestMapping("/console/rounds/{key}/deadline")
class DeadlinePage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    record Fields(String day, String month, String year, String time) {}

    private final RoundActions rounds;

    DeadlinePage(RoundActions rounds) {
        this.rounds = rounds;
    }

    @GetMapping
    String form(@PathVariable String key, Model model) {
        var round = rounds.round(key);
        var deadline = round.localDeadline();
        return page(round, new Fields("" + deadline.getDayOfMonth(), "" + deadline.getMonthValue(),
                "" + deadline.getYear(), TIME.format(deadline)), Map.of(), model);
    }

    @PostMapping
    String move(@PathVariable String key, @RequestParam(defaultValue = "") String day,
            @RequestParam(defaultValue = "") String month, @RequestParam(defaultValue = "") String year,
            @RequestParam(defaultValue = "") String time, Model model, HttpServletResponse http,
            RedirectAttributes redirect) {
        var round = rounds.round(key);
        var fields = new Fields(day.strip(), month.strip(), year.strip(), time.strip());
        var problems = new LinkedHashMap<String, String>();
        LocalDate date = null;
        LocalTime at = null;
        try {
            date = LocalDate.of(Integer.parseInt(fields.year()), Integer.parseInt(fields.month()),
                    Integer.parseInt(fields.day()));
        } catch (NumberFormatException | DateTimeException e) {
            problems.put("deadline-day", "The new deadline must be a real date, like 30 4 2027");
        }
        try {
            at = LocalTime.parse(fields.time().length() == 4 ? "0" + fields.time() : fields.time(), TIME);
        } catch (DateTimeException e) {
            problems.put("deadline-time", "Enter the time in 24-hour form, like 17:00");
        }
        if (problems.isEmpty()) {
            var deadline = date.atTime(at).atZone(round.definition().timezone());
            try {
                rounds.moveDeadline(key, deadline.toOffsetDateTime());
                redirect.addFlashAttribute("done", "Deadline moved to "
                        + Formats.deadline(deadline.toInstant(), round.definition().timezone()));
                return "redirect:/console/rounds/" + key;
            } catch (RoundConflictException e) {
                problems.put("deadline-day", e.getMessage());
            }
        }
        http.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(round, fields, problems, model);
    }

    private String page(Round round, Fields fields, Map<String, String> problems, Model model) {
        model.addAttribute("round", round);
        model.addAttribute("current", Formats.deadline(round.schedule().deadline(), round.definition().timezone()));
        model.addAttribute("zone", round.definition().timezone().getId());
        model.addAttribute("fields", fields);
        model.addAttribute("problems", problems);
        return "console/deadline";
    }
}
