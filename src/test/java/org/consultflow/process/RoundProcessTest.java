package org.consultflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/consultation-round.bpmn")
class RoundProcessTest {

    private static final String ROUND = "ssog-vcs-2007";
    private static final Date DEADLINE = Date.from(Instant.parse("2007-04-30T23:59:00Z"));
    private static final Date REPORT_DUE = Date.from(Instant.parse("2007-05-09T09:00:00Z"));

    private static final RecordingDelegate openRound = new RecordingDelegate();
    private static final RecordingDelegate startEngagements = new RecordingDelegate();
    private static final RecordingDelegate closeRound = new RecordingDelegate();
    private static final RecordingDelegate draftReport = new RecordingDelegate();
    private static final RecordingDelegate notifyCoordinator = new RecordingDelegate();
    private static final RecordingDelegate publishReport = new RecordingDelegate();
    private static final RecordingDelegate sendApprovedReport = new RecordingDelegate();
    private static final RecordingDelegate sendFeedback = new RecordingDelegate();

    @RegisterExtension
    static final ProcessEngineExtension engine = ProcessTestEngine.withBeans(Map.of(
            "openRound", openRound,
            "startEngagements", startEngagements,
            "closeRound", closeRound,
            "draftReport", draftReport,
            "notifyCoordinator", notifyCoordinator,
            "publishReport", publishReport,
            "sendApprovedReport", sendApprovedReport,
            "sendFeedback", sendFeedback));

    @BeforeEach
    void useThisEngine() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Stream.of(openRound, startEngagements, closeRound, draftReport, notifyCoordinator, publishReport,
                sendApprovedReport, sendFeedback)
                .forEach(RecordingDelegate::reset);
    }

    @Test
    void closesAtTheDeadlinePublishesTheApprovedReportThenSendsIt() {
        ProcessInstance round = startRound(REPORT_DUE);
        assertThat(round).isWaitingAt("Gateway_WaitForDeadline");
        assertThat(deadlineTimer().getDuedate()).isEqualTo(DEADLINE);

        execute(deadlineTimer());
        runJob(round, "Activity_CloseRound");
        runJob(round, "Activity_DraftReport");
        runJob(round, "Activity_NotifyCoordinator");

        assertThat(round).isWaitingAt("Activity_ReviewReport");
        assertThat(task(round)).hasCandidateGroup("coordinators").hasDueDate(REPORT_DUE);
        complete(task(round), withVariables("approved", true));
        runJob(round, "Activity_PublishReport");
        runJob(round, "Activity_SendApprovedReport");
        runJob(round, "Activity_SendFeedback");

        assertThat(round).hasPassedInOrder("Activity_OpenRound", "Activity_StartEngagements", "Event_DeadlinePassed",
                        "Activity_CloseRound", "Activity_DraftReport", "Activity_NotifyCoordinator",
                        "Activity_ReviewReport", "Activity_PublishReport",
                        "Activity_SendApprovedReport", "Activity_SendFeedback")
                .hasNotPassed("Event_CloseNowReceived", "Event_DeadlineChanged")
                .isEnded().hasPassed("EndEvent_RoundApproved");
        Stream.of(openRound, startEngagements, closeRound, draftReport, notifyCoordinator, publishReport,
                sendApprovedReport, sendFeedback)
                .forEach(step -> assertThat(step.businessKeys()).containsExactly(ROUND));
    }

    @Test
    void closesAtOnceWhenTheCoordinatorSaysSo() {
        ProcessInstance round = startRound(REPORT_DUE);

        runtimeService().createMessageCorrelation("CloseNow").processInstanceBusinessKey(ROUND).correlate();

        assertThat(round).hasPassed("Event_CloseNowReceived").hasNotPassed("Event_DeadlinePassed")
                .isWaitingAt("Activity_CloseRound");
        assertThat(jobQuery().timers().count()).isZero();
        runJob(round, "Activity_CloseRound");
        assertThat(closeRound.invocations()).isEqualTo(1);
    }

    @Test
    void waitsForTheNewDeadlineWhenItChanges() {
        ProcessInstance round = startRound(REPORT_DUE);
        Date extended = Date.from(Instant.parse("2007-05-04T23:59:00Z"));

        runtimeService().createMessageCorrelation("DeadlineChanged").processInstanceBusinessKey(ROUND)
                .setVariable("deadline", extended).correlate();

        assertThat(round).hasPassed("Event_DeadlineChanged").isWaitingAt("Gateway_WaitForDeadline");
        assertThat(closeRound.invocations()).isZero();
        assertThat(jobQuery().timers().count()).isEqualTo(1);
        assertThat(deadlineTimer().getDuedate()).isEqualTo(extended);

        execute(deadlineTimer());
        assertThat(round).hasPassed("Event_DeadlinePassed").isWaitingAt("Activity_CloseRound");
    }

    @Test
    void redraftsTheReportWhenTheCoordinatorRequestsChanges() {
        ProcessInstance round = startRound(REPORT_DUE);
        runtimeService().createMessageCorrelation("CloseNow").processInstanceBusinessKey(ROUND).correlate();
        runJob(round, "Activity_CloseRound");
        runJob(round, "Activity_DraftReport");
        runJob(round, "Activity_NotifyCoordinator");

        complete(task(round), withVariables("approved", false, "changes", "Add the district council figures"));

        assertThat(round).isWaitingAt("Activity_DraftReport");
        assertThat(publishReport.invocations()).isZero();
        runJob(round, "Activity_DraftReport");
        runJob(round, "Activity_NotifyCoordinator");
        complete(task(round), withVariables("approved", true));
        runJob(round, "Activity_PublishReport");
        runJob(round, "Activity_SendApprovedReport");
        runJob(round, "Activity_SendFeedback");

        assertThat(round).isEnded().hasPassed("EndEvent_RoundApproved");
        assertThat(draftReport.invocations()).isEqualTo(2);
        assertThat(notifyCoordinator.invocations()).isEqualTo(2);
        assertThat(closeRound.invocations()).isEqualTo(1);
        assertThat(publishReport.invocations()).isEqualTo(1);
    }

    @Test
    void startsTheEngagementsAJobAtATimeUntilNonePending() {
        // Each run works within a time budget well inside the job's lock, then hands on to a fresh job.
        startEngagements.setsOnEachRun("engagementsPending", true, true, false);
        ProcessInstance round = runtimeService().startProcessInstanceByKey("consultation-round", ROUND,
                withVariables("roundKey", ROUND, "deadline", DEADLINE, "reportDue", REPORT_DUE));

        runJob(round, "Activity_StartEngagements");
        runJob(round, "Activity_StartEngagements");
        assertThat(jobQuery().timers().count()).isZero();
        runJob(round, "Activity_StartEngagements");

        assertThat(round).isWaitingAt("Gateway_WaitForDeadline");
        assertThat(startEngagements.invocations()).isEqualTo(3);
        assertThat(deadlineTimer().getDuedate()).isEqualTo(DEADLINE);
    }

    @Test
    void asksForTheReviewWithoutADueDateWhenTheRoundHasNoReportDate() {
        ProcessInstance round = startRound(null);
        runtimeService().createMessageCorrelation("CloseNow").processInstanceBusinessKey(ROUND).correlate();
        runJob(round, "Activity_CloseRound");
        runJob(round, "Activity_DraftReport");
        runJob(round, "Activity_NotifyCoordinator");

        assertThat(round).isWaitingAt("Activity_ReviewReport");
        assertThat(task(round).getDueDate()).isNull();
    }

    private ProcessInstance startRound(Date reportDue) {
        ProcessInstance round = runtimeService().startProcessInstanceByKey("consultation-round", ROUND,
                withVariables("roundKey", ROUND, "deadline", DEADLINE, "reportDue", reportDue));
        assertThat(round).hasPassed("Activity_OpenRound").isWaitingAt("Activity_StartEngagements");
        runJob(round, "Activity_StartEngagements");
        return round;
    }

    private static Job deadlineTimer() {
        return jobQuery().timers().activityId("Event_DeadlinePassed").singleResult();
    }

    private static void runJob(ProcessInstance round, String activityId) {
        assertThat(round).isWaitingAt(activityId);
        execute(job(activityId, round));
    }
}
