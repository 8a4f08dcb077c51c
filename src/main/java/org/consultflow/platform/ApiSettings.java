package org.consultflow.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Limits of the coordinator API. */
@ConfigurationProperties("consultflow.api")
record ApiSettings(@DefaultValue("5MB") DataSize maxBodySize) {}
