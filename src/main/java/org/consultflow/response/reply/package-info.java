/**
 * Replies by email: the reply mailbox read over IMAP, each reply matched to its engagement and handed to a coordinator
 * as a task, recorded as an EMAIL response through the same inbox as every other; unmatched ones kept for triage.
 */
package org.consultflow.response.reply;
