/** The report written out for people and machines: HTML, PDF, Word, Markdown, JSON and CSV, with its charts. */
package org.consultflow.report.render;
