package org.consultflow.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.consultflow.consultation.Definition;
import org.consultflow.consultation.DefinitionProblem;
import org.consultflow.consultation.Definitions;
import org.consultflow.consultation.InvalidDefinitionException;
import org.consultflow.consultation.RoundActions;
import org.consultflow.consultation.RoundConflictException;
import org.consultflow.notification.DocumentLink;
import org.consultflow.notification.Invitation;
import org.consultflow.notification.Mails;
import org.consultflow.platform.PublicLinks;
import org.consultflow.response.ResponsePagePreview;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Starting a round: the definition uploaded or pasted, checked by the same rules as the API, previewed as a
 * consultee would get it, then started for real or as a rehearsal. Between the steps the definition waits in the
 * session, so nothing is stored until the coordinator starts it.
 */
@Controller
@RequestMapping("/console/rounds/new")
class NewRoundPage {

    static final String PENDING = "console.definition";
    static final int LONGEST_REHEARSAL_MINUTES = 60 * 24 * 365;

    private final Definitions definitions;
    private final RoundActions rounds;
    private final Mails mails;
    private final ResponsePagePreview responsePage;
    private final PublicLinks links;

    NewRoundPage(Definitions definitions, RoundActions rounds, Mails mails, ResponsePagePreview responsePage,
            PublicLinks links) {
        this.definitions = definitions;
        this.rounds = rounds;
        this.mails = mails;
        this.responsePage = responsePage;
        this.links = links;
    }

    @GetMapping
    String form(HttpSession session, Model model) {
        model.addAttribute("definition", session.getAttribute(PENDING));
        model.addAttribute("problems", List.of());
        return "console/new";
    }

    /** Checked as for a rehearsal, which allows a past deadline; a real start checks again without that leeway. */
    @PostMapping
    String check(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "definition", required = false) String pasted,
            @RequestParam(name = "consultees", required = false) MultipartFile consulteesFile, HttpSession session,
            Model model, HttpServletResponse http) throws IOException {
        var text = file != null && !file.isEmpty() ? withoutBom(new String(file.getBytes(), StandardCharsets.UTF_8))
                : pasted;
        if (text == null || text.isBlank()) {
            return refused(text, List.of(new DefinitionProblem("", "Choose a definition file or paste the definition")),
                    model, http);
        }
        var fromCsv = consulteesFile != null && !consulteesFile.isEmpty();
        if (fromCsv) {
            try {
                var csv = ConsulteesCsv.read(new String(consulteesFile.getBytes(), StandardCharsets.UTF_8));
                text = csv.into(definitions.parse(text));
            } catch (ConsulteesCsv.InvalidCsv e) {
                return refused(text, List.of(new DefinitionProblem("consultees", e.getMessage())), model, http);
            } catch (InvalidDefinitionException e) {
                return refused(text, e.problems(), model, http);
            }
        }
        try {
            definitions.read(text, true);
        } catch (InvalidDefinitionException e) {
            return refused(text, fromCsv ? e.problems().stream().map(ConsulteesCsv::located).toList() : e.problems(),
                    model, http);
        }
        session.setAttribute(PENDING, text);
        return "redirect:/console/rounds/new/preview";
    }

    @GetMapping("/preview")
    String preview(@RequestParam(name = "consultee", required = false) String consulteeId, HttpSession session,
            Model model) {
        var definition = pending(session);
        if (definition == null) {
            return "redirect:/console/rounds/new";
        }
        var consultee = consultee(definition, consulteeId);
        model.addAttribute("round", definition);
        model.addAttribute("consultee", consultee);
        model.addAttribute("mail", mails.preview(invitation(definition, consultee)));
        model.addAttribute("deadline", Formats.deadline(definition.deadline().toInstant(), definition.timezone()));
        model.addAttribute("minutes", "");
        model.addAttribute("minutesProblem", null);
        return "console/preview";
    }

    /** The invitation's HTML alternative on a page of its own, as a mail client would show it. */
    @GetMapping(path = "/preview/mail", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> mail(@RequestParam(name = "consultee", required = false) String consulteeId,
            HttpSession session) {
        var definition = pending(session);
        if (definition == null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/console/rounds/new").build();
        }
        return ResponseEntity.ok(mails.preview(invitation(definition, consultee(definition, consulteeId))).html());
    }

    @GetMapping("/preview/response")
    String response(@RequestParam(name = "consultee", required = false) String consulteeId, HttpSession session,
            Model model) {
        var definition = pending(session);
        if (definition == null) {
            return "redirect:/console/rounds/new";
        }
        return responsePage.show(definition, consultee(definition, consulteeId), model);
    }

    @PostMapping("/start")
    String start(@RequestParam(name = "mode", defaultValue = "real") String mode,
            @RequestParam(name = "minutes", required = false) String minutes, HttpSession session, Model model,
            HttpServletResponse http, RedirectAttributes redirect) {
        var text = (String) session.getAttribute(PENDING);
        if (text == null) {
            return "redirect:/console/rounds/new";
        }
        Duration rehearsal = null;
        if ("rehearsal".equals(mode)) {
            var problem = rehearsalProblem(minutes);
            if (problem != null) {
                http.setStatus(HttpStatus.BAD_REQUEST.value());
                preview(null, session, model);
                model.addAttribute("minutes", minutes);
                model.addAttribute("minutesProblem", problem);
                return "console/preview";
            }
            rehearsal = Duration.ofMinutes(Long.parseLong(minutes.strip()));
        }
        try {
            var round = rounds.start(text, rehearsal);
            session.removeAttribute(PENDING);
            redirect.addFlashAttribute("done", rehearsal == null ? "Round started: invitations are being sent"
                    : "Rehearsal started: it closes in " + minutes.strip() + " minutes");
            return "redirect:/console/rounds/" + round.key();
        } catch (InvalidDefinitionException e) {
            return refused(text, e.problems(), model, http);
        } catch (RoundConflictException e) {
            return refused(text, List.of(new DefinitionProblem("key", e.getMessage()
                    + ". Give the round a new key.")), model, http);
        }
    }

    static String rehearsalProblem(String minutes) {
        if (minutes == null || minutes.isBlank()) {
            return "Enter how many minutes the rehearsal should run";
        }
        if (!minutes.strip().matches("\\d{1,7}")) {
            return "The rehearsal length must be a whole number of minutes, like 30";
        }
        var value = Long.parseLong(minutes.strip());
        if (value < 1 || value > LONGEST_REHEARSAL_MINUTES) {
            return "The rehearsal length must be between 1 minute and " + LONGEST_REHEARSAL_MINUTES + " minutes (a year)";
        }
        return null;
    }

    private String refused(String text, List<DefinitionProblem> problems, Model model, HttpServletResponse http) {
        http.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("definition", text);
        model.addAttribute("problems", problems);
        return "console/new";
    }

    private Definition pending(HttpSession session) {
        var text = (String) session.getAttribute(PENDING);
        if (text == null) {
            return null;
        }
        try {
            return definitions.read(text, true);
        } catch (InvalidDefinitionException e) {
            session.removeAttribute(PENDING);
            return null;
        }
    }

    /** The chosen consultee, else the first required one, whose view matters most. */
    private static Definition.Consultee consultee(Definition definition, String id) {
        return definition.consultees().stream().filter(c -> c.id().equals(id)).findFirst()
                .or(() -> definition.consultees().stream().filter(definition::isRequired).findFirst())
                .orElse(definition.consultees().get(0));
    }

    /** The mail a consultee gets, with a stand-in for the personal link each invitation carries. */
    private Invitation invitation(Definition definition, Definition.Consultee consultee) {
        return new Invitation(consultee.contact().email(), consultee.contact().name(), consultee.organisation(),
                definition.title(), definition.summary(),
                definition.documents().stream().map(d -> new DocumentLink(d.title(), d.url())).toList(),
                definition.deadline().atZoneSameInstant(definition.timezone()),
                links.baseUrl() + "/respond/personal-link-of-" + consultee.id(), definition.coordinator().name(),
                definition.coordinator().email());
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
