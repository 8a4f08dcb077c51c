package org.consultflow.console;

import java.time.Clock;
import java.util.List;

import org.consultflow.consultation.RoundActions;
import org.consultflow.consultation.RoundView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's home: every round, with how far it has got. */
@Controller
class RoundsPage {

    record Row(String key, String title, String status, String tag, boolean rehearsal, String deadline,
            String daysLeft, String rate, int requiredOutstanding) {}

    private final RoundActions rounds;
    private final Clock clock;

    RoundsPage(RoundActions rounds, Clock clock) {
        this.rounds = rounds;
        this.clock = clock;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    String list(Model model) {
        model.addAttribute("rounds", rounds.all().stream().map(round -> {
            var view = rounds.view(round.key());
            var zone = round.definition().timezone();
            return new Row(round.key(), view.title(), Formats.status(view.status()), Formats.tagClass(view.status()),
                    view.rehearsal(), Formats.shortTime(round.schedule().deadline(), zone),
                    Formats.daysLeft(round.schedule().deadline(), clock.instant(), round.isOpen()),
                    Formats.rate(view.counts().responded(), view.counts().invited()), requiredOutstanding(view));
        }).toList());
        return "console/rounds";
    }

    static int requiredOutstanding(RoundView view) {
        return (int) view.consultees().stream()
                .filter(c -> c.required() && c.state() != RoundView.State.RESPONDED).count();
    }

    static List<RoundView.ConsulteeView> requiredStillOutstanding(RoundView view) {
        return view.consultees().stream().filter(c -> c.required() && c.state() != RoundView.State.RESPONDED).toList();
    }
}
