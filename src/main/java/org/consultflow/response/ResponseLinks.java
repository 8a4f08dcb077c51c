package org.consultflow.response;

import java.time.Clock;

import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.consultation.Round;
import org.consultflow.consultation.Rounds;
import org.consultflow.engagement.PersonalLinks;
import org.consultflow.notification.Deadlines;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a personal link stands for on the consultee's pages: its round and consultee, what every page says about them,
 * and whether the link still takes responses. The token is the consultee's only credential, so it appears in URLs and
 * nowhere else, not even in logs.
 */
@Component
class ResponseLinks {

    record Link(String token, Round round, Consultee consultee) {

        String roundKey() {
            return round.key();
        }

        String consulteeId() {
            return consultee.id();
        }
    }

    private final PersonalLinks links;
    private final Rounds rounds;
    private final ResponsePageSettings settings;
    private final Clock clock;

    ResponseLinks(PersonalLinks links, Rounds rounds, ResponsePageSettings settings, Clock clock) {
        this.links = links;
        this.rounds = rounds;
        this.settings = settings;
        this.clock = clock;
    }

    /** The link's round and consultee; a link a newer invitation replaced says so, and opens nothing. */
    Link resolve(String token) {
        return links.resolve(token)
                .flatMap(engagement -> rounds.find(engagement.roundKey())
                        .flatMap(round -> round.definition().consultee(engagement.consulteeId())
                                .map(consultee -> new Link(token, round, consultee))))
                .orElseThrow(() -> links.replaced(token)
                        .flatMap(replaced -> rounds.find(replaced.roundKey())
                                .<RuntimeException>map(round -> new ReplacedLink(round.definition().title(),
                                        Deadlines.format(replaced.at().atZone(round.definition().timezone())))))
                        .orElseGet(UnknownLink::new));
    }

    /** Late responses are taken until a while after the report's approval; then the link only shows what was sent. */
    boolean acceptsResponses(Link link) {
        var approved = link.round().approvedAt();
        return approved == null || clock.instant().isBefore(approved.plus(settings.lateAfterApproval()));
    }

    static void about(Link link, Model model) {
        var round = link.round();
        var zone = round.definition().timezone();
        model.addAttribute("token", link.token());
        model.addAttribute("title", round.definition().title());
        model.addAttribute("organisation", link.consultee().organisation());
        model.addAttribute("deadline", Deadlines.format(round.localDeadline()));
        model.addAttribute("open", round.isOpen());
        // A round closed early closed then, not at the deadline it had.
        var closedAt = round.closedAt() != null && round.closedAt().isBefore(round.schedule().deadline())
                ? round.closedAt() : round.schedule().deadline();
        model.addAttribute("closedAt", Deadlines.format(closedAt.atZone(zone)));
        if (round.approvedAt() != null) {
            model.addAttribute("approved", Deadlines.format(round.approvedAt().atZone(zone)));
        }
    }

    /**
     * A link replaced by a newer invitation: the round's title and when it was replaced, nothing of the consultee's,
     * for the old link may have reached someone it was not meant for. Carries no token, like {@link UnknownLink}.
     */
    static final class ReplacedLink extends RuntimeException {

        private final String title;
        private final String replacedAt;

        ReplacedLink(String title, String replacedAt) {
            super("replaced personal link", null, false, false);
            this.title = title;
            this.replacedAt = replacedAt;
        }

        String title() {
            return title;
        }

        String replacedAt() {
            return replacedAt;
        }
    }

    /** Carries no token: whatever logs it must not learn the link. */
    static final class UnknownLink extends RuntimeException {

        UnknownLink() {
            super("unknown personal link", null, false, false);
        }
    }
}
