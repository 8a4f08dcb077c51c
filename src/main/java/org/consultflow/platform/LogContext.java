package org.consultflow.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.MDC;

/**
 * The round and consultee a piece of work is for, in the logging MDC while it runs, so that every line it logs
 * (ECS JSON in production: one field each) can be found by round or consultee. Only these identifiers: never a
 * personal link or anything derived from the link secret. Closing restores what was there before, because a
 * delegate may run inside work that already set them (a correlation that carries its process on).
 */
public final class LogContext implements AutoCloseable {

    public static final String ROUND_KEY = "roundKey";
    public static final String CONSULTEE_ID = "consulteeId";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private LogContext(Map<String, String> values) {
        values.forEach((key, value) -> {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        });
    }

    /** Work for one round as a whole. */
    public static LogContext of(String roundKey) {
        return of(roundKey, null);
    }

    /** Work for one consultee of a round. */
    public static LogContext of(String roundKey, String consulteeId) {
        var values = new LinkedHashMap<String, String>();
        if (roundKey != null) {
            values.put(ROUND_KEY, roundKey);
        }
        if (consulteeId != null) {
            values.put(CONSULTEE_ID, consulteeId);
        }
        return new LogContext(values);
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
