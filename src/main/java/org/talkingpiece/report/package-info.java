/**
 * A session's report as a document: the figures from {@link org.talkingpiece.airtime}, the session's
 * heading facts and the anonymous results already released, rendered as JSON, CSV and charts. Pure:
 * nothing here reads storage or knows how a session runs, so the session feature can hand its live
 * features' results to the report ({@link org.talkingpiece.report.AnonymousResults}) without a package
 * loop. Gathering a report from the session log and serving it is {@link org.talkingpiece.report.web}.
 */
package org.talkingpiece.report;
