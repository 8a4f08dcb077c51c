package org.consultflow.response;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long personal links still take (late) responses after the round's report was approved. Late responses go to
 * the report's annex, which stops mattering once the decision is taken; a link that answers for ever is a credential
 * that never expires.
 */
@ConfigurationProperties("consultflow.responses")
record ResponsePageSettings(@DefaultValue("P30D") Duration lateAfterApproval) {}
