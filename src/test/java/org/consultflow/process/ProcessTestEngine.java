package org.consultflow.process;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * An in-memory engine of its own for each process test class, without Spring: the models resolve their
 * {@code ${beanName}} expressions against the test doubles handed in, and jobs run only when a test says so.
 */
final class ProcessTestEngine {

    private ProcessTestEngine() {
    }

    static ProcessEngineExtension withBeans(Map<String, Object> beans) {
        String name = "process-test-" + UUID.randomUUID();
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(new HashMap<>(beans));
        ProcessEngine engine = configuration.buildProcessEngine();
        return ProcessEngineExtension.builder().useProcessEngine(engine).build();
    }
}
