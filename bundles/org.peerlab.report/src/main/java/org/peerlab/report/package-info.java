/**
 * Reports: a {@link org.peerlab.report.Report} (metadata, tables, bar charts and line charts with error bars, preformatted text)
 * written by {@link org.peerlab.report.ReportWriter} as an HTML page with PNG and SVG charts
 * rendered headless by JFreeChart, one CSV per table, and a JSON document of everything.
 * Knows nothing of where the figures come from.
 */
package org.peerlab.report;
