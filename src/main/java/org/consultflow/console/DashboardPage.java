package org.consultflow.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.consultflow.consultation.RoundActions;
import org.consultflow.platform.Audit;
import org.consultflow.report.ResponsesCsv;
import org.consultflow.response.Responses;
import org.consultflow.response.reply.WaitingReplies;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One round at a glance: who has answered, by group, over time; its history; and the ways to act on it. */
@Controller
@RequestMapping("/console/rounds/{key}")
class DashboardPage {

    static final String COCKPIT = "/camunda/app/cockpit/default/#/process-instance/";

    private final RoundActions rounds;
    private final Responses responses;
    private final Audit audit;
    private final WaitingReplies replies;
    private final HistoryService history;
    private final ResponsesCsv csv;
    private final Clock clock;

    DashboardPage(RoundActions rounds, Responses responses, Audit audit, WaitingReplies replies,
            HistoryService history, ResponsesCsv csv, Clock clock) {
        this.rounds = rounds;
        this.responses = responses;
        this.audit = audit;
        this.replies = replies;
        this.history = history;
        this.csv = csv;
        this.clock = clock;
    }

    @GetMapping
    String show(@PathVariable String key, @RequestParam(required = false) String group,
            @RequestParam(required = false) String status, @RequestParam(required = false) String q, Model model) {
        var isAdmin = Boolean.TRUE.equals(model.getAttribute("admin"));
        var instances = isAdmin ? instances(key) : Map.<String, String>of();
        model.addAttribute("board", board(key, group, status, q, instances));
        model.addAttribute("roundInstance", instances.get(""));
        model.addAttribute("cockpit", COCKPIT);
        var entries = new ArrayList<>(audit.ofRound(key));
        Collections.reverse(entries);
        model.addAttribute("history", entries);
        model.addAttribute("zone", rounds.round(key).definition().timezone());
        model.addAttribute("replies", replies.of(key));
        return "console/dashboard";
    }

    /** The part that changes while the round is open, fetched again every few seconds by console-live.js. */
    @GetMapping("/live")
    String live(@PathVariable String key, @RequestParam(required = false) String group,
            @RequestParam(required = false) String status, @RequestParam(required = false) String q, Model model) {
        var isAdmin = Boolean.TRUE.equals(model.getAttribute("admin"));
        model.addAttribute("board", board(key, group, status, q, isAdmin ? instances(key) : Map.of()));
        model.addAttribute("cockpit", COCKPIT);
        return "console/dashboard :: live";
    }

    @GetMapping("/responses.csv")
    ResponseEntity<byte[]> export(@PathVariable String key) {
        rounds.round(key);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(key + "-responses.csv").build().toString())
                .body(csv.of(key));
    }

    private Dashboard board(String key, String group, String status, String q, Map<String, String> instances) {
        var round = rounds.round(key);
        return Dashboard.of(round, rounds.view(key), responses.ofRound(key), group, status, q, instances,
                clock.instant());
    }

    /** Process instance ids by consultee, the round's own under "": what Cockpit links to. */
    private Map<String, String> instances(String key) {
        var ids = new HashMap<String, String>();
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list()
                .forEach(instance -> ids.put("", instance.getId()));
        // LIKE reads an underscore in the key as any character: keep only this round's own engagements.
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(key + ":%").list().stream()
                .filter(instance -> instance.getBusinessKey().startsWith(key + ":"))
                .forEach(instance -> ids.put(instance.getBusinessKey().substring(key.length() + 1), instance.getId()));
        return ids;
    }
}
