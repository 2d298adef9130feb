package org.peerlab.report;

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
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** Draws {@link Report.BarChart}s with JFreeChart, headless, to PNG and SVG. */
public final class ChartRenderer {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;

    private ChartRenderer() {
    }

    /** @return the chart as a JFreeChart object (for the workbench to show, or to render) */
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
        JFreeChart chart = new JFreeChart(spec.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Writes {@code <dir>/<id>.png} and {@code <dir>/<id>.svg}. */
    public static void write(Report.BarChart spec, Path dir) throws IOException {
        JFreeChart chart = chart(spec);
        ChartUtils.saveChartAsPNG(dir.resolve(spec.id() + ".png").toFile(), chart, WIDTH, HEIGHT);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        SVGUtils.writeToSVG(dir.resolve(spec.id() + ".svg").toFile(), g.getSVGElement());
    }
}
