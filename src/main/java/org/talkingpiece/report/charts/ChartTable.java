package org.talkingpiece.report.charts;

import java.util.List;

/**
 * A chart's information as a plain table, for an HTML table under the chart (and for anyone who cannot
 * see the chart). Cells are plain text, not escaped: the page template escapes them.
 *
 * @param caption the table's caption
 * @param headers column headings
 * @param rows one list of cells per row, as many as {@code headers}
 */
public record ChartTable(String caption, List<String> headers, List<List<String>> rows) {
  public ChartTable {
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
  }
}
