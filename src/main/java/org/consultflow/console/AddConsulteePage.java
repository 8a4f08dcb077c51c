package org.consultflow.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.consultflow.consultation.Definition;
import org.consultflow.consultation.InvalidRequestException;
import org.consultflow.consultation.RoundActions;
import org.consultflow.consultation.RoundConflictException;
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
 * Adds a consultee to an open round, checked exactly as a definition's consultee is (the same service as the API):
 * each problem comes back with its path, shown at the field it names.
 */
@Controller
@RequestMapping("/console/rounds/{key}/consultees/new")
class AddConsulteePage {

    /** The form's fields by the paths the definition check names. */
    static final Map<String, String> FIELDS = Map.of("id", "id", "organisation", "organisation", "group", "group",
            "contact", "contact-name", "contact.name", "contact-name", "contact.email", "contact-email");

    private static final List<String> ORDER = List.of("organisation", "id", "group", "contact-name",
            "contact-email");

    record Fields(String id, String organisation, String group, String contactName, String contactEmail) {}

    private final RoundActions rounds;

    AddConsulteePage(RoundActions rounds) {
        this.rounds = rounds;
    }

    @GetMapping
    String form(@PathVariable String key, Model model) {
        return page(key, new Fields("", "", "", "", ""), Map.of(), model);
    }

    @PostMapping
    String add(@PathVariable String key, @RequestParam(defaultValue = "") String id,
            @RequestParam(defaultValue = "") String organisation, @RequestParam(defaultValue = "") String group,
            @RequestParam(name = "contact-name", defaultValue = "") String contactName,
            @RequestParam(name = "contact-email", defaultValue = "") String contactEmail, Model model,
            HttpServletResponse http, RedirectAttributes redirect) {
        var fields = new Fields(id.strip(), organisation.strip(), group.strip(), contactName.strip(),
                contactEmail.strip());
        var problems = new LinkedHashMap<String, String>();
        required(fields.organisation(), "organisation", "Enter the organisation's name", problems);
        required(fields.id(), "id", "Enter an id for the consultee, like leicester-city", problems);
        required(fields.group(), "group", "Choose the group the consultee belongs to", problems);
        required(fields.contactName(), "contact-name", "Enter the name of the person to invite", problems);
        required(fields.contactEmail(), "contact-email", "Enter the email address the invitation goes to", problems);
        if (problems.isEmpty()) {
            try {
                rounds.addConsultee(key, new Definition.Consultee(fields.id(), fields.organisation(), fields.group(),
                        new Definition.Contact(fields.contactName(), fields.contactEmail())), Audit.actor());
                redirect.addFlashAttribute("done", fields.organisation() + " added: the invitation to "
                        + fields.contactEmail() + " is on its way");
                return "redirect:/console/rounds/" + key;
            } catch (InvalidRequestException e) {
                var found = new LinkedHashMap<String, String>();
                e.problems().forEach(p -> found.putIfAbsent(FIELDS.getOrDefault(p.path(), "id"),
                        sentence(label(p.path()), p.message())));
                // The error summary lists problems in the order of the fields on the page, not of the check.
                ORDER.stream().filter(found::containsKey).forEach(field -> problems.put(field, found.get(field)));
            } catch (RoundConflictException e) {
                http.setStatus(HttpStatus.CONFLICT.value());
                problems.put("id", e.getMessage());
                return page(key, fields, problems, model);
            }
        }
        http.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(key, fields, problems, model);
    }

    private static void required(String value, String field, String message, Map<String, String> problems) {
        if (value.isEmpty()) {
            problems.put(field, message);
        }
    }

    private static String label(String path) {
        return switch (path) {
            case "id" -> "The id";
            case "organisation" -> "The organisation";
            case "group" -> "The group";
            case "contact.name" -> "The contact's name";
            case "contact.email" -> "The email address";
            default -> "";
        };
    }

    /** "The email address" + "must be ..." reads as a sentence; a message with its own subject stands alone. */
    static String sentence(String subject, String message) {
        if (!subject.isEmpty() && (message.startsWith("must ") || message.startsWith("is "))) {
            return subject + " " + message;
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private String page(String key, Fields fields, Map<String, String> problems, Model model) {
        var round = rounds.round(key);
        model.addAttribute("round", rounds.view(key));
        model.addAttribute("open", round.isOpen());
        model.addAttribute("groups", round.definition().groups());
        model.addAttribute("fields", fields);
        model.addAttribute("problems", problems);
        return "console/add-consultee";
    }
}
