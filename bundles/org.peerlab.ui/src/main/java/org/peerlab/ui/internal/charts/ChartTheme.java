package org.peerlab.ui.internal.charts;

import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.peerlab.ui.internal.WorkbenchPrefs.ChartStyle;

/**
 * Applies the chart style chosen in the preferences to a chart built anywhere in the workbench:
 * background, plot and grid colours, title, legend and axis text. Light is the report's look.
 */
public final class ChartTheme {

    private static final Color DARK_BACKGROUND = new Color(0x2b, 0x2b, 0x2b);
    private static final Color DARK_PLOT = new Color(0x1e, 0x1e, 0x1e);
    private static final Color DARK_GRID = new Color(0x55, 0x55, 0x55);
    private static final Color DARK_TEXT = new Color(0xdd, 0xdd, 0xdd);

    private ChartTheme() {
    }

    /** Styles {@code chart} in place and returns it. */
    public static JFreeChart apply(JFreeChart chart, ChartStyle style) {
        boolean dark = style == ChartStyle.DARK;
        Color background = dark ? DARK_BACKGROUND : Color.WHITE;
        Color text = dark ? DARK_TEXT : Color.BLACK;
        chart.setBackgroundPaint(background);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(text);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(background);
            legend.setItemPaint(text);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(dark ? DARK_PLOT : Color.WHITE);
        Color grid = dark ? DARK_GRID : Color.LIGHT_GRAY;
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(grid);
            xy.setRangeGridlinePaint(grid);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i), text);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i), text);
            }
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(grid);
            axis(category.getDomainAxis(), text);
            axis(category.getRangeAxis(), text);
        }
        return chart;
    }

    private static void axis(org.jfree.chart.axis.Axis axis, Color text) {
        if (axis != null) {
            axis.setLabelPaint(text);
            axis.setTickLabelPaint(text);
            axis.setAxisLinePaint(text);
            axis.setTickMarkPaint(text);
        }
    }
}
