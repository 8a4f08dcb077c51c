/** One engagement per consultee: the personal link, the invitation, reminders to the silent, the chase call. */
package org.consultflow.engagement;
