package org.consultflow.platform;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * With {@code job-executor-acquire-by-due-date} on (application.yaml), every job acquisition orders
 * {@code ACT_RU_JOB} by {@code DUEDATE_}; Camunda's own schema has no index for it and its documentation asks for one
 * ("The Job Order of Job Acquisition"). It cannot be a Flyway migration: on a fresh database Flyway may run before the
 * engine has created its tables. So it is created here, once the engine's schema update has run, on H2 and PostgreSQL
 * alike; "if not exists" makes every later start (and every other replica) a no-op.
 */
@Component
class JobDueDateIndex extends AbstractProcessEnginePlugin {

    static final String NAME = "ACT_IDX_JOB_DUEDATE";
    private static final Logger log = LoggerFactory.getLogger(JobDueDateIndex.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (configuration.isJobExecutorAcquireByDueDate()) {
            create(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
        }
    }

    static void create(DataSource dataSource, String tablePrefix) {
        try {
            new JdbcTemplate(dataSource).execute("create index if not exists " + NAME + " on "
                    + (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_JOB (DUEDATE_)");
        } catch (DataAccessException e) {
            // Two replicas starting together on PostgreSQL can race on the same name, or the database user may lack
            // the right to create it: acquisition still works, only each poll scans the job table.
            log.warn("Could not create index {} for job acquisition by due date; jobs still run, acquisition scans "
                    + "ACT_RU_JOB instead: {}", NAME, e.getMostSpecificCause().getMessage());
        }
    }
}
