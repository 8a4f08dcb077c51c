package org.consultflow.platform;

import java.util.List;


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
 * Indexes on the engine's tables that Camunda's own schema does not have, for the queries ConsultFlow makes often.
 * <ul>
 * <li>{@code ACT_IDX_JOB_DUEDATE}: with {@code job-executor-acquire-by-due-date} on (application.yaml), every
 * acquisition orders {@code ACT_RU_JOB} by {@code DUEDATE_}; Camunda's documentation asks for this index ("The Job
 * Order of Job Acquisition").</li>
 * <li>{@code ACT_IDX_JOB_LOCKEXP}: every acquisition also leaves out the jobs of process instances that have an
 * exclusive job in progress, found by {@code LOCK_EXP_TIME_ >= now}. Without an index that is a scan of the whole job
 * table per poll: with 10,000 invitations queued it took 3 ms a poll on PostgreSQL and was the largest item of the
 * database's time in the fan-out (docs/performance.md). Only the jobs being worked on have a lock time.</li>
 * <li>{@code ACT_IDX_VARIABLE_ROUNDKEY} (PostgreSQL only, a partial index H2 does not have): the closing sweep, the
 * reminders and the new-deadline step find a round's engagements by their {@code roundKey} variable; without it each
 * such query reads every engagement's {@code roundKey} of every round (10 ms with 10,000 running, several times a
 * second while any round closed in the last week). Only that variable's rows are indexed, whose values are round keys
 * of at most 64 characters.</li>
 * </ul>
 * They cannot be a Flyway migration: on a fresh database Flyway may run before the engine has created its tables. So
 * they are created here, once the engine's schema update has run; "if not exists" makes every later start (and every
 * other replica) a no-op.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    record Index(String name, String table, String definition, boolean postgresOnly) {}

    static final List<Index> INDEXES = List.of(
            new Index("ACT_IDX_JOB_DUEDATE", "ACT_RU_JOB", "(DUEDATE_)", false),
            new Index("ACT_IDX_JOB_LOCKEXP", "ACT_RU_JOB", "(LOCK_EXP_TIME_)", false),
            new Index("ACT_IDX_VARIABLE_ROUNDKEY", "ACT_RU_VARIABLE", "(TEXT_) where NAME_ = 'roundKey'", true));
    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        create(configuration.getDataSource(), configuration.getDatabaseTablePrefix(),
                "postgres".equals(configuration.getDatabaseType()));
    }

    static void create(DataSource dataSource, String tablePrefix, boolean postgres) {
        var jdbc = new JdbcTemplate(dataSource);
        for (var index : INDEXES) {
            if (index.postgresOnly() && !postgres) {
                continue;
            }
            try {
                jdbc.execute("create index if not exists " + index.name() + " on "
                        + (tablePrefix == null ? "" : tablePrefix) + index.table() + " " + index.definition());
            } catch (DataAccessException e) {
                // Two replicas starting together on PostgreSQL can race on the same name, or the database user may
                // lack the right to create it: everything still works, only those queries scan the table.
                log.warn("Could not create index {}; the queries it serves scan {} instead: {}", index.name(),
                        index.table(), e.getMostSpecificCause().getMessage());
            }
        }
    }
}
