package org.consultflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/consultee-engagement.bpmn")
class EngagementProcessTest {

    private static final String ROUND = "ssog-vcs-2007";
    private static final String CONSULTEE = "blaby";
    private static final String ENGAGEMENT = ROUND + ":" + CONSULTEE;
    private static final Date FIRST_REMINDER = Date.from(Instant.parse("2007-04-16T09:00:00Z"));
    private static final Date SECOND_REMINDER = Date.from(Instant.parse("2007-04-23T09:00:00Z"));
    private static final Date CHASE = Date.from(Instant.parse("2007-04-26T09:00:00Z"));

    private static final RecordingDelegate sendInvitation = new RecordingDelegate();
    private static final RecordingDelegate sendReminder = new RecordingDelegate();
    private static final RecordingDelegate sendAcknowledgement = new RecordingDelegate();
    private static final RecordingDelegate sendReminderNow = new RecordingDelegate();
    private static final RecordingDelegate tellNewDeadline = new RecordingDelegate();
    private static final RecordingTaskListener recordChaseOutcome = new RecordingTaskListener("chaseOutcome");
    private static final EngagementScheduleStub engagementSchedule = new EngagementScheduleStub();

    @RegisterExtension
    static final ProcessEngineExtension engine = ProcessTestEngine.withBeans(Map.of(
            "sendInvitation", sendInvitation,
            "sendReminder", sendReminder,
            "sendAcknowledgement", sendAcknowledgement,
            "sendReminderNow", sendReminderNow,
            "tellNewDeadline", tellNewDeadline,
            "recordChaseOutcome", recordChaseOutcome,
            "engagementSchedule", engagementSchedule));

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @BeforeEach
    void useThisEngine() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Stream.of(sendInvitation, sendReminder, sendAcknowledgement, sendReminderNow, tellNewDeadline)
                .forEach(RecordingDelegate::reset);
        recordChaseOutcome.reset();
        engagementSchedule.reset();
    }

    @Test
    void acknowledgesAResponseAndEndsAsRespondedWhenTheRoundCloses() {
        ProcessInstance engagement = startInvitedEngagement(false);
        assertThat(engagement).isWaitingAt("Activity_WaitForResponse")
                .hasPassed("EndEvent_NoMoreReminders", "EndEvent_NoChase");

        correlate("ResponseReceived");
        assertThat(engagement).hasPassed("EndEvent_ResponseReceived", "SubProcess_AwaitResponse");
        runJob(engagement, "Activity_SendAcknowledgement");
        assertThat(engagement).isWaitingAt("Gateway_AmendOrClose");

        correlate("RoundClosed");
        assertThat(engagement).isEnded().hasPassed("EndEvent_Responded").hasNotPassed("EndEvent_NoResponse");
        assertThat(sendInvitation.businessKeys()).containsExactly(ENGAGEMENT);
        assertThat(sendAcknowledgement.businessKeys()).containsExactly(ENGAGEMENT);
        assertThat(sendReminder.invocations()).isZero();
    }

    @Test
    void remindsAtEachPendingReminderAndStopsWhenNoneIsLeft() {
        engagementSchedule.remindAt(FIRST_REMINDER, SECOND_REMINDER);
        ProcessInstance engagement = startInvitedEngagement(false);

        assertThat(reminderTimer().getDuedate()).isEqualTo(FIRST_REMINDER);
        execute(reminderTimer());
        runJob(engagement, "Activity_SendReminder");
        assertThat(reminderTimer().getDuedate()).isEqualTo(SECOND_REMINDER);
        execute(reminderTimer());
        runJob(engagement, "Activity_SendReminder");

        assertThat(sendReminder.invocations()).isEqualTo(2);
        assertThat(reminderTimer()).isNull();
        assertThat(engagement).hasPassed("EndEvent_NoMoreReminders").isWaitingAt("Activity_WaitForResponse");
    }

    @Test
    void stopsRemindingOnceTheResponseArrives() {
        engagementSchedule.remindAt(FIRST_REMINDER, SECOND_REMINDER);
        ProcessInstance engagement = startInvitedEngagement(false);
        execute(reminderTimer());
        runJob(engagement, "Activity_SendReminder");

        correlate("ResponseReceived");

        assertThat(reminderTimer()).isNull();
        assertThat(engagement).hasNotPassed("EndEvent_NoMoreReminders").isWaitingAt("Activity_SendAcknowledgement");
        runJob(engagement, "Activity_SendAcknowledgement");
        assertThat(sendReminder.invocations()).isEqualTo(1);
        assertThat(sendAcknowledgement.invocations()).isEqualTo(1);
    }

    @Test
    void endsWithoutResponseWhenTheRoundClosesAndWithdrawsTheChase() {
        engagementSchedule.remindAt(FIRST_REMINDER);
        engagementSchedule.chaseRequiredConsulteesAt(CHASE);
        ProcessInstance engagement = startInvitedEngagement(true);
        execute(chaseTimer());
        assertThat(engagement).isWaitingAt("Activity_ChaseConsultee", "Event_ReminderDue", "Activity_WaitForResponse");

        correlate("RoundClosed");

        assertThat(engagement).isEnded().hasPassed("Event_RoundClosedWhileWaiting", "EndEvent_NoResponse")
                .hasNotPassed("EndEvent_Chased", "Activity_SendAcknowledgement", "EndEvent_Responded");
        assertThat(taskQuery().count()).isZero();
        assertThat(jobQuery().count()).isZero();
        assertThat(recordChaseOutcome.values()).isEmpty();
    }

    @Test
    void asksTheCoordinatorToPhoneASilentRequiredConsulteeAndRecordsTheOutcome() {
        engagementSchedule.chaseRequiredConsulteesAt(CHASE);
        ProcessInstance engagement = startInvitedEngagement(true);
        assertThat(chaseTimer().getDuedate()).isEqualTo(CHASE);

        execute(chaseTimer());
        assertThat(task(engagement)).hasDefinitionKey("Activity_ChaseConsultee").hasCandidateGroup("coordinators");
        complete(task(engagement), withVariables("chaseOutcome", "Promised a reply by Friday"));

        assertThat(recordChaseOutcome.values()).containsExactly("Promised a reply by Friday");
        assertThat(engagement).hasPassed("EndEvent_Chased").isWaitingAt("Activity_WaitForResponse");
    }

    @Test
    void doesNotChaseAConsulteeWhoIsNotRequired() {
        engagementSchedule.chaseRequiredConsulteesAt(CHASE);
        ProcessInstance engagement = startInvitedEngagement(false);

        assertThat(chaseTimer()).isNull();
        assertThat(engagement).hasPassed("EndEvent_NoChase").hasNotPassed("Event_ChaseDue")
                .isWaitingAt("Activity_WaitForResponse");
    }

    @Test
    void acknowledgesEveryAmendmentUntilTheRoundCloses() {
        ProcessInstance engagement = startInvitedEngagement(false);
        correlate("ResponseReceived");
        runJob(engagement, "Activity_SendAcknowledgement");

        correlate("ResponseReceived");
        assertThat(engagement).hasPassed("Event_AmendmentReceived");
        runJob(engagement, "Activity_SendAcknowledgement");
        correlate("RoundClosed");

        assertThat(sendAcknowledgement.invocations()).isEqualTo(2);
        assertThat(engagement).isEnded().hasPassed("EndEvent_Responded");
    }

    @Test
    void retriesAnInvitationForAnHourWithGrowingPausesBeforeRaisingAnIncident() {
        Instant start = Instant.parse("2007-02-14T10:00:00Z");
        ClockUtil.setCurrentTime(Date.from(start));
        sendInvitation.failWith(new IllegalStateException("SMTP relay refused the message"));
        ProcessInstance engagement = start(false);

        List<Duration> pauses = failUntilNoRetriesLeft("Activity_SendInvitation");

        assertThat(sendInvitation.invocations()).isEqualTo(7);
        assertThat(pauses).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(30));
        assertThat(Duration.between(start, ClockUtil.getCurrentTime().toInstant())).isEqualTo(Duration.ofHours(1));
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(engagement.getId())
                .singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("Activity_SendInvitation");
        assertThat(incident.getIncidentMessage()).contains("SMTP relay refused the message");
        assertThat(engagement).isWaitingAt("Activity_SendInvitation").isNotEnded();
    }

    @Test
    void remindsNowAndTellsOfANewDeadlineOnlyWhileAResponseIsAwaited() {
        engagementSchedule.remindAt(FIRST_REMINDER);
        engagementSchedule.chaseRequiredConsulteesAt(CHASE);
        ProcessInstance engagement = startInvitedEngagement(true);

        correlate("RemindNow");
        correlate("DeadlineMoved");
        runJob(engagement, "Activity_SendReminderNow");
        runJob(engagement, "Activity_TellNewDeadline");

        assertThat(sendReminderNow.businessKeys()).containsExactly(ENGAGEMENT);
        assertThat(tellNewDeadline.businessKeys()).containsExactly(ENGAGEMENT);
        assertThat(engagement).hasPassed("EndEvent_ReminderNowSent", "EndEvent_NewDeadlineTold")
                .isWaitingAt("Activity_WaitForResponse", "Event_ReminderDue", "Event_ChaseDue");

        correlate("ResponseReceived");
        assertThatThrownBy(() -> correlate("RemindNow")).as("who has answered is not reminded")
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThatThrownBy(() -> correlate("DeadlineMoved")).isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    @Test
    void retriesAReceiptAsLongAsAnInvitationBeforeRaisingAnIncident() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2007-03-01T12:00:00Z")));
        ProcessInstance engagement = startInvitedEngagement(false);
        correlate("ResponseReceived");
        sendAcknowledgement.failWith(new IllegalStateException("Connection refused"));

        List<Duration> pauses = failUntilNoRetriesLeft("Activity_SendAcknowledgement");

        assertThat(sendAcknowledgement.invocations()).isEqualTo(7);
        assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofHours(1));
        assertThat(runtimeService().createIncidentQuery().processInstanceId(engagement.getId()).count()).isEqualTo(1);
        assertThat(engagement).isWaitingAt("Activity_SendAcknowledgement");
    }

    /** Runs the failing job whenever it falls due, as the job executor would, and returns the pauses between tries. */
    private static List<Duration> failUntilNoRetriesLeft(String activityId) {
        List<Duration> pauses = new ArrayList<>();
        for (Job job = jobAt(activityId); job.getRetries() > 0; job = jobAt(activityId)) {
            String id = job.getId();
            Instant failedAt = ClockUtil.getCurrentTime().toInstant();
            assertThatThrownBy(() -> managementService().executeJob(id)).isInstanceOf(IllegalStateException.class);
            Job retry = jobAt(activityId);
            if (retry.getRetries() > 0) {
                pauses.add(Duration.between(failedAt, retry.getDuedate().toInstant()));
                ClockUtil.setCurrentTime(retry.getDuedate());
            }
        }
        return pauses;
    }

    private ProcessInstance startInvitedEngagement(boolean required) {
        ProcessInstance engagement = start(required);
        runJob(engagement, "Activity_SendInvitation");
        return engagement;
    }

    private ProcessInstance start(boolean required) {
        return runtimeService().startProcessInstanceByKey("consultee-engagement", ENGAGEMENT,
                withVariables("roundKey", ROUND, "consulteeId", CONSULTEE, "required", required));
    }

    private static void correlate(String message) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(ENGAGEMENT).correlate();
    }

    private static Job jobAt(String activityId) {
        return jobQuery().activityId(activityId).singleResult();
    }

    private static Job reminderTimer() {
        return jobQuery().timers().activityId("Event_ReminderDue").singleResult();
    }

    private static Job chaseTimer() {
        return jobQuery().timers().activityId("Event_ChaseDue").singleResult();
    }

    private static void runJob(ProcessInstance engagement, String activityId) {
        assertThat(engagement).isWaitingAt(activityId);
        execute(job(activityId, engagement));
    }
}
