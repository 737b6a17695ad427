/**
 * A report for the facilitator who ran the session: {@link org.talkingpiece.report.web.ReportService}
 * folds the stored log into the report's input off the event loop, and
 * {@link org.talkingpiece.report.web.ReportRoutes} serves it as JSON, CSV and a printable page.
 */
package org.talkingpiece.report.web;
