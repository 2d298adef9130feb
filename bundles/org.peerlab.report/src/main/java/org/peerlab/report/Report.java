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
     * A headed part: a table, the charts drawn from it, and optionally preformatted text (such as
     * a scenario file).
     *
     * @param id     file-name-safe identifier, used for the CSV and chart files
     * @param title  heading
     * @param table  the figures, or {@code null} for none (then no CSV is written)
     * @param charts charts of the figures (may be empty)
     * @param text   preformatted text shown as it is, or {@code null}
     */
    public record Section(String id, String title, Table table, List<Chart> charts, String text) {
        public Section {
            if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("section id '" + id + "' must be lower case letters, digits and '-'");
            }
            charts = List.copyOf(charts);
        }

        /** A section with a table and charts, without text. */
        public Section(String id, String title, Table table, List<Chart> charts) {
            this(id, title, table, charts, null);
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

    /** A chart: drawn by {@link ChartRenderer} to {@code charts/<id>.png} and {@code .svg}. */
    public sealed interface Chart permits BarChart, LineChart {
        /** @return file-name-safe identifier, unique within the report */
        String id();

        /** @return chart title */
        String title();
    }

    /**
     * A bar chart with error bars.
     *
     * @param id         file-name-safe identifier, unique within the report
     * @param title      chart title
     * @param valueLabel value axis label, with its unit
     * @param bars       the bars: series (colour), category (position), value, error half-width (or 0)
     */
    public record BarChart(String id, String title, String valueLabel, List<Bar> bars) implements Chart {
        public BarChart {
            checkId(id);
            bars = List.copyOf(bars);
        }
    }

    /** One bar of a {@link BarChart}. */
    public record Bar(String series, String category, double value, double error) {
    }

    /**
     * An XY chart of lines through points with vertical error bars (e.g. a metric against a swept
     * parameter with 95% confidence intervals).
     *
     * @param id         file-name-safe identifier, unique within the report
     * @param title      chart title
     * @param xLabel     x axis label, with its unit
     * @param valueLabel y axis label, with its unit
     * @param lines      one per series
     */
    public record LineChart(String id, String title, String xLabel, String valueLabel, List<Line> lines) implements Chart {
        public LineChart {
            checkId(id);
            lines = List.copyOf(lines);
        }
    }

    /**
     * One series of a {@link LineChart}.
     *
     * @param series the legend entry
     * @param points the points, drawn in this order
     */
    public record Line(String series, List<Point> points) {
        public Line {
            points = List.copyOf(points);
        }
    }

    /** A point of a {@link Line}: {@code y ± error} at {@code x} (error 0 or NaN: no bar). */
    public record Point(double x, double y, double error) {
    }

    private static void checkId(String id) {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("chart id '" + id + "' must be lower case letters, digits and '-'");
        }
    }
}
