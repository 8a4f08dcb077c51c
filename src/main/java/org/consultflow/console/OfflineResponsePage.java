package org.consultflow.console;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Round;
import org.consultflow.consultation.RoundActions;
import org.consultflow.response.Channel;
import org.consultflow.response.OfflineResponses;
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
 * Records a response that came by letter, email or phone, through the same service as the API: it goes through the
 * inbox as a signed event and counts like any other.
 */
@Controller
@RequestMapping("/console/rounds/{key}/responses/new")
class OfflineResponsePage {

    static final String OTHER = "_other";
    private static final Pattern QUESTION = Pattern.compile("question '([^']+)'|answer to '([^']+)'");
    private static final List<Channel> CHANNELS = List.of(Channel.LETTER, Channel.EMAIL, Channel.PHONE);

    private final RoundActions rounds;
    private final OfflineResponses offline;
    private final Clock clock;

    OfflineResponsePage(RoundActions rounds, OfflineResponses offline, Clock clock) {
        this.rounds = rounds;
        this.offline = offline;
        this.clock = clock;
    }

    @GetMapping
    String form(@PathVariable String key, @RequestParam(required = false) String consultee,
            @RequestParam(required = false) String channel, Model model) {
        var values = new LinkedHashMap<String, String>();
        if (consultee != null) {
            values.put("consultee", consultee);
        }
        if (channel != null) {
            values.put("channel", channel);
        }
        return page(rounds.round(key), values, Map.of(), model);
    }

    @PostMapping
    String record(@PathVariable String key, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse http, RedirectAttributes redirect) {
        var round = rounds.round(key);
        var definition = round.definition();
        var problems = new LinkedHashMap<String, String>();
        var consulteeId = form.getOrDefault("consultee", "");
        if (definition.consultee(consulteeId).isEmpty()) {
            problems.put("consultee", "Choose the organisation the response is from");
        }
        Channel channel = null;
        try {
            channel = Channel.valueOf(form.getOrDefault("channel", ""));
        } catch (IllegalArgumentException e) {
            problems.put("channel-letter", "Choose how the response came: letter, email or phone");
        }
        var receivedAt = receivedAt(round, form, problems);
        var answers = answers(definition, form, problems);
        var name = blankToNull(form.get("respondent-name"));
        var email = blankToNull(form.get("respondent-email"));
        if (problems.isEmpty()) {
            try {
                var outcome = offline.record(key, new OfflineResponses.Offline(consulteeId, channel, receivedAt,
                        blankToNull(form.get("note")), answers,
                        name == null && email == null ? null : new OfflineResponses.Writer(name, email)));
                if (outcome.recorded()) {
                    redirect.addFlashAttribute("done", "Response recorded for "
                            + definition.consultee(consulteeId).orElseThrow().organisation()
                            + ": it will show here once the inbox has taken it");
                    return "redirect:/console/rounds/" + key;
                }
                outcome.problems().forEach(problem -> problems.putIfAbsent(field(definition, problem),
                        plain(problem)));
            } catch (OfflineResponses.Unavailable e) {
                http.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                model.addAttribute("unavailable", true);
                return page(round, form, problems, model);
            }
        }
        http.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(round, form, problems, model);
    }

    /**
     * Received today means now; an earlier day means its midday, which keeps a letter that arrived on the deadline
     * day on time. Either way no earlier than the round opened, which the service would refuse.
     */
    private java.time.OffsetDateTime receivedAt(Round round, Map<String, String> form, Map<String, String> problems) {
        var zone = round.definition().timezone();
        var day = form.getOrDefault("received-day", "").strip();
        var month = form.getOrDefault("received-month", "").strip();
        var year = form.getOrDefault("received-year", "").strip();
        var now = clock.instant();
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            problems.put("received-day", "Enter the date the response was received");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            problems.put("received-day", "The date received must be a real date, like 27 11 2026");
            return null;
        }
        var today = LocalDate.ofInstant(now, zone);
        if (date.isAfter(today)) {
            problems.put("received-day", "The date received must be today or in the past");
            return null;
        }
        Instant at = date.equals(today) ? now : date.atTime(LocalTime.NOON).atZone(zone).toInstant();
        if (at.isBefore(round.schedule().opens())) {
            if (date.equals(LocalDate.ofInstant(round.schedule().opens(), zone))) {
                at = round.schedule().opens();
            } else {
                problems.put("received-day", "The date received must be on or after the day the round opened");
                return null;
            }
        }
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Map<String, Object> answers(Definition definition, Map<String, String> form,
            Map<String, String> problems) {
        var answers = new LinkedHashMap<String, Object>();
        for (var question : definition.questions()) {
            var value = form.getOrDefault("q-" + question.id(), "").strip();
            if (question.type() == Definition.QuestionType.CHOICE && OTHER.equals(value)) {
                var other = form.getOrDefault("q-" + question.id() + "-other", "").strip();
                if (other.isEmpty()) {
                    problems.put("q-" + question.id() + "-other", "Describe the other answer, or choose an option");
                } else {
                    answers.put(question.id(), Map.of("other", other));
                }
            } else if (!value.isEmpty()) {
                answers.put(question.id(), value);
            }
        }
        if (answers.isEmpty() && problems.keySet().stream().noneMatch(k -> k.startsWith("q-"))
                && !definition.questions().isEmpty()) {
            problems.put(firstField(definition), "Enter the answer to at least one question");
        }
        return answers;
    }

    /** Which field a problem from the shared response check belongs to, so it is shown next to it. */
    static String field(Definition definition, String problem) {
        if (problem.startsWith("channel")) {
            return "channel-letter";
        }
        if (problem.startsWith("receivedAt")) {
            return "received-day";
        }
        if (problem.startsWith("note")) {
            return "note";
        }
        if (problem.startsWith("respondent name")) {
            return "respondent-name";
        }
        if (problem.startsWith("respondent email")) {
            return "respondent-email";
        }
        if (problem.startsWith("no answers")) {
            return firstField(definition);
        }
        var question = QUESTION.matcher(problem);
        if (question.find()) {
            var id = question.group(1) != null ? question.group(1) : question.group(2);
            if (definition.question(id).isPresent()) {
                return fieldOf(definition.question(id).get());
            }
        }
        return "consultee";
    }

    private static String plain(String problem) {
        return switch (problem) {
            case "receivedAt is in the future" -> "The date received must be today or in the past";
            case "receivedAt is before the round opened" -> "The date received must be after the round opened";
            case "note must be at most 1000 printable characters" -> "The note must be 1,000 characters or fewer";
            case "no answers" -> "Enter the answer to at least one question";
            default -> Character.toUpperCase(problem.charAt(0)) + problem.substring(1);
        };
    }

    /** The id of a question's first input: a choice's first radio, or the text box. */
    static String fieldOf(Definition.Question question) {
        return question.type() == Definition.QuestionType.CHOICE && !question.options().isEmpty()
                ? "q-" + question.id() + "-" + question.options().get(0).id() : "q-" + question.id();
    }

    private static String firstField(Definition definition) {
        return fieldOf(definition.questions().get(0));
    }

    private String page(Round round, Map<String, String> values, Map<String, String> problems, Model model) {
        model.addAttribute("round", round);
        model.addAttribute("definition", round.definition());
        model.addAttribute("values", values);
        model.addAttribute("problems", problems);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("other", OTHER);
        var fields = new LinkedHashMap<String, String>();
        round.definition().questions().forEach(q -> fields.put(q.id(), fieldOf(q)));
        model.addAttribute("questionFields", fields);
        return "console/record";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
