/**
 * Responses: the consultee's web form, the Kafka inbox, correlation to the waiting engagement, versions and late
 * marking, acknowledgements.
 */
package org.consultflow.response;
