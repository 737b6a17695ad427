/**
 * The report's charts, drawn on the server as SVG with a table of the same information under each.
 * Depends only on the airtime figures; {@link org.talkingpiece.report.charts.SvgCharts} states the
 * drawing contract.
 */
package org.talkingpiece.report.charts;
