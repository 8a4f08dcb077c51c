package org.consultflow.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Polling (inbox correlation, closing sweep, outbox retry) and asynchronous module listeners. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class Scheduling {
}
