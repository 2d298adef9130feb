package org.peerlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * Draws {@link Report.Chart}s with JFreeChart, headless, to PNG and SVG: bar charts with error
 * bars, and line charts with vertical error bars. Serves the benchmark and experiment reports.
 */
public final class ChartRenderer {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;

    private ChartRenderer() {
    }

    /** @return the chart as a JFreeChart object (for the workbench to show, or to render) */
    public static JFreeChart chart(Report.Chart spec) {
        return switch (spec) {
            case Report.BarChart bar -> chart(bar);
            case Report.LineChart line -> chart(line);
        };
    }

    /** @return the bar chart as a JFreeChart object */
    public static JFreeChart chart(Report.BarChart spec) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Report.Bar b : spec.bars()) {
            data.add(b.value(), b.error(), b.series(), b.category());
        }
        CategoryAxis categories = new CategoryAxis();
        categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis values = new NumberAxis(spec.valueLabel());
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        renderer.setDrawBarOutline(false);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return titled(spec.title(), plot);
    }

    /** @return the line chart as a JFreeChart object; points with NaN y are left out */
    public static JFreeChart chart(Report.LineChart spec) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Report.Line line : spec.lines()) {
            YIntervalSeries series = new YIntervalSeries(line.series(), false, true);
            for (Report.Point p : line.points()) {
                if (Double.isFinite(p.y())) {
                    double e = Double.isFinite(p.error()) ? p.error() : 0;
                    series.add(p.x(), p.y(), p.y() - e, p.y() + e);
                }
            }
            data.addSeries(series);
        }
        NumberAxis x = new NumberAxis(spec.xLabel());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(spec.valueLabel());
        y.setAutoRangeIncludesZero(false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        // Time series carry no error: drawing zero-height bars would leave a cap at every point.
        renderer.setDrawYError(spec.lines().stream().flatMap(l -> l.points().stream()).anyMatch(p -> Double.isFinite(p.error()) && p.error() > 0));
        renderer.setDefaultLinesVisible(true);
        // Markers help with a few swept values and clutter long time series.
        renderer.setDefaultShapesVisible(spec.lines().stream().allMatch(l -> l.points().size() <= 60));
        renderer.setErrorStroke(new BasicStroke(1f));
        renderer.setCapLength(6);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return titled(spec.title(), plot);
    }

    private static JFreeChart titled(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Writes {@code <dir>/<id>.png} and {@code <dir>/<id>.svg}. */
    public static void write(Report.Chart spec, Path dir) throws IOException {
        JFreeChart chart = chart(spec);
        // the legend takes a line per series below the plot: grow the image rather than the plot shrink
        int legendLines = chart.getPlot().getLegendItems() == null ? 0 : chart.getPlot().getLegendItems().getItemCount();
        int height = HEIGHT + Math.max(0, legendLines - 4) * 20;
        ChartUtils.saveChartAsPNG(dir.resolve(spec.id() + ".png").toFile(), chart, WIDTH, height);
        writeSvg(chart, dir.resolve(spec.id() + ".svg"), WIDTH, height);
    }

    /**
     * Draws any chart (one of ours, or one the workbench built) as an SVG file of
     * {@code width} x {@code height} user units.
     *
     * @throws IllegalArgumentException when a size is not positive
     * @throws IOException when the file cannot be written
     */
    public static void writeSvg(JFreeChart chart, Path file, int width, int height) throws IOException {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("an SVG chart needs a positive size, got " + width + " x " + height);
        }
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        SVGUtils.writeToSVG(file.toFile(), g.getSVGElement());
    }
}
