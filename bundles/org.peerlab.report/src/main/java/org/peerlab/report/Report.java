package org.peerlab.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report shows.
 *
 * @param title    page title
 * @param metadata what produced it (machine, JDK, versions, settings), in display order
 * @param sections the body
 * @param notes    findings stated in words (one paragraph each), shown after the metadata
 */
public record Report(String title, Map<String, String> metadata, List<Section> sections, List<String> notes) {

    public Report {
        Objects.requireNonNull(title, "title");
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }

    /**
     * A headed part with a table and the charts drawn from it.
     *
     * @param id     file-name-safe identifier, used for the CSV and chart files
     * @param title  heading
     * @param table  the figures
     * @param charts charts of the figures (may be empty)
     */
    public record Section(String id, String title, Table table, List<BarChart> charts) {
        public Section {
            if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("section id '" + id + "' must be lower case letters, digits and '-'");
            }
            charts = List.copyOf(charts);
        }
    }

    /**
     * Rows of cells under named columns; numbers stay numbers in CSV and JSON.
     *
     * @param columns column names
     * @param rows    each row has one cell per column (String, Number, or null)
     */
    public record Table(List<String> columns, List<List<Object>> rows) {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
            for (List<Object> r : rows) {
                if (r.size() != columns.size()) {
                    throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells for " + columns.size() + " columns");
                }
            }
        }
    }

    /**
     * A bar chart with error bars.
     *
     * @param id         file-name-safe identifier, unique within the report
     * @param title      chart title
     * @param valueLabel value axis label, with its unit
     * @param bars       the bars: series (colour), category (position), value, error half-width (or 0)
     */
    public record BarChart(String id, String title, String valueLabel, List<Bar> bars) {
        public BarChart {
            if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("chart id '" + id + "' must be lower case letters, digits and '-'");
            }
            bars = List.copyOf(bars);
        }
    }

    /** One bar of a {@link BarChart}. */
    public record Bar(String series, String category, double value, double error) {
    }
}
