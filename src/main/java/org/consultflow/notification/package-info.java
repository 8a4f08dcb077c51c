/** Mail templates and sending: invitations, reminders, acknowledgements, report ready. */
package org.consultflow.notification;
