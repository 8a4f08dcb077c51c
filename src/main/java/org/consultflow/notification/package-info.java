/** Mail templates and sending: invitations, reminders, acknowledgements, report ready; and the log of mails sent. */
package org.consultflow.notification;
