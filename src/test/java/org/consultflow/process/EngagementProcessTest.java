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
import java.util.Date;
import java.util.Map;
import java.util.stream.Stream;

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
    private static final RecordingTaskListener recordChaseOutcome = new RecordingTaskListener("chaseOutcome");
    private static final EngagementScheduleStub engagementSchedule = new EngagementScheduleStub();

    @RegisterExtension
    static final ProcessEngineExtension engine = ProcessTestEngine.withBeans(Map.of(
            "sendInvitation", sendInvitation,
            "sendReminder", sendReminder,
            "sendAcknowledgement", sendAcknowledgement,
            "recordChaseOutcome", recordChaseOutcome,
            "engagementSchedule", engagementSchedule));

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @BeforeEach
    void useThisEngine() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Stream.of(sendInvitation, sendReminder, sendAcknowledgement).forEach(RecordingDelegate::reset);
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
    void raisesAnIncidentWhenTheInvitationCannotBeSentAfterRetries() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2007-02-14T10:00:00Z")));
        sendInvitation.failWith(new IllegalStateException("SMTP relay refused the message"));
        ProcessInstance engagement = start(false);

        int attempts = 0;
        for (Job invitation = invitationJob(); invitation.getRetries() > 0; invitation = invitationJob()) {
            String id = invitation.getId();
            assertThatThrownBy(() -> managementService().executeJob(id)).hasMessageContaining("SMTP relay");
            attempts++;
            if (attempts == 1) {
                assertThat(invitationJob().getDuedate())
                        .isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(1))));
            }
        }

        assertThat(attempts).isEqualTo(5);
        assertThat(sendInvitation.invocations()).isEqualTo(5);
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(engagement.getId())
                .singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("Activity_SendInvitation");
        assertThat(incident.getIncidentMessage()).contains("SMTP relay refused the message");
        assertThat(engagement).isWaitingAt("Activity_SendInvitation").isNotEnded();
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

    private static Job invitationJob() {
        return jobQuery().activityId("Activity_SendInvitation").singleResult();
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
