package org.consultflow.platform;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The names {@link ConsultFlowMetrics} exports at /actuator/prometheus, as Prometheus spells them (underscores,
 * {@code _total} on counters, the unit on the oldest age), for tests outside this package: a dashboard or an alert
 * that queries a name from this list queries something real.
 */
public final class ExportedMetrics {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^(consultflow_\\w+)[{ ]");

    private ExportedMetrics() {
    }

    public static Set<String> names() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:exported-metrics-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).load().migrate();
        var jdbc = JdbcClient.create(dataSource);
        // Rounds by status has a series only once a round has a status.
        jdbc.sql("""
                insert into round (round_key, title, definition, status, opened_at, deadline, reminders, rehearsal)
                values ('r', 'A round', '{}', 'OPEN', current_timestamp, current_timestamp, 'P7D', false)""").update();
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ConsultFlowMetrics(jdbc, idle(ManagementService.class), idle(RuntimeService.class),
                Clock.fixed(Instant.now(), ZoneOffset.UTC)).bindTo(registry);
        registry.scrape(); // the first scrape reads the figures and registers each status seen
        var names = new TreeSet<String>();
        SAMPLE.matcher(registry.scrape()).results().forEach(sample -> names.add(sample.group(1)));
        return names;
    }

    /** An engine with no jobs and no incidents: every query it builds counts 0. */
    private static <T> T idle(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> method.getReturnType() == long.class ? 0L
                        : method.getReturnType().isInterface() ? idle(method.getReturnType()) : null));
    }
}
