package org.peerlab.ui.internal.charts;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

import org.eclipse.swt.graphics.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * Rectangle zoom of XY plots, as JFreeChart's own Swing panel does it: the selected pixels,
 * clipped to the plot's data area, become fractions of the axes' ranges. Other plots do not zoom.
 */
final class ChartZoom {

    /** Smallest selection, in pixels each way, that counts as a zoom rather than a click. */
    static final int MIN_PIXELS = 5;

    private ChartZoom() {
    }

    /** @return whether {@code chart} can zoom (an XY plot) */
    static boolean zoomable(JFreeChart chart) {
        return chart != null && chart.getPlot() instanceof XYPlot;
    }

    /**
     * Zooms the axes of {@code chart}'s XY plot to {@code selection} (pixels of the drawing that
     * {@code info} describes).
     *
     * @return whether it zoomed
     */
    static boolean zoomTo(JFreeChart chart, PlotRenderingInfo info, Rectangle selection) {
        if (!zoomable(chart) || selection.width < MIN_PIXELS || selection.height < MIN_PIXELS) {
            return false;
        }
        XYPlot plot = chart.getXYPlot();
        Rectangle2D area = info.getDataArea();
        if (area.getWidth() <= 0 || area.getHeight() <= 0) {
            return false;
        }
        Rectangle2D s = new Rectangle2D.Double(selection.x, selection.y, selection.width, selection.height).createIntersection(area);
        if (s.isEmpty()) {
            return false;
        }
        double hLower = (s.getMinX() - area.getMinX()) / area.getWidth();
        double hUpper = (s.getMaxX() - area.getMinX()) / area.getWidth();
        double vLower = (area.getMaxY() - s.getMaxY()) / area.getHeight();
        double vUpper = (area.getMaxY() - s.getMinY()) / area.getHeight();
        Point2D origin = new Point2D.Double(s.getX(), s.getY());
        boolean vertical = plot.getOrientation() == PlotOrientation.VERTICAL;
        plot.zoomDomainAxes(vertical ? hLower : vLower, vertical ? hUpper : vUpper, info, origin);
        plot.zoomRangeAxes(vertical ? vLower : hLower, vertical ? vUpper : hUpper, info, origin);
        return true;
    }

    /** Gives every axis of {@code chart}'s XY plot its automatic range back. */
    static void restore(JFreeChart chart, PlotRenderingInfo info) {
        if (zoomable(chart)) {
            Point2D origin = new Point2D.Double();
            chart.getXYPlot().zoomDomainAxes(0, info, origin); // a factor of 0 restores the auto range
            chart.getXYPlot().zoomRangeAxes(0, info, origin);
        }
    }
}
