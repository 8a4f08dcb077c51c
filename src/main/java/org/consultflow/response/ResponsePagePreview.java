package org.consultflow.response;

import java.util.Map;

import org.consultflow.consultation.Definition;
import org.consultflow.notification.Deadlines;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The response form as one consultee of a definition not yet started would see it, for the coordinator to check
 * before starting: the consultee's own template, with nothing to send and no personal link behind it.
 */
@Component
public class ResponsePagePreview {

    /** Fills the model for the form's template and returns that template's name. */
    public String show(Definition definition, Definition.Consultee consultee, Model model) {
        var deadline = Deadlines.format(definition.deadline().atZoneSameInstant(definition.timezone()));
        model.addAttribute("preview", true);
        model.addAttribute("token", "preview");
        model.addAttribute("title", definition.title());
        model.addAttribute("organisation", consultee.organisation());
        model.addAttribute("deadline", deadline);
        model.addAttribute("open", true);
        model.addAttribute("closedAt", deadline);
        model.addAttribute("summary", definition.summary());
        model.addAttribute("documents", definition.documents());
        model.addAttribute("fields", ResponseFormAnswers.fields(definition));
        model.addAttribute("values", Map.of());
        model.addAttribute("problems", Map.of());
        model.addAttribute("other", ResponseFormAnswers.OTHER);
        model.addAttribute("nameField", ResponseFormAnswers.NAME);
        model.addAttribute("emailField", ResponseFormAnswers.EMAIL);
        model.addAttribute("maxText", ResponseFormAnswers.MAX_TEXT);
        model.addAttribute("save", ResponseForm.SAVE);
        model.addAttribute("activity", new LinkActivity(null, null));
        return "respond/form";
    }
}
