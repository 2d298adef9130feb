package org.peerlab.ui.internal.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.entity.StandardEntityCollection;
import org.jfree.chart.event.ChartChangeListener;
import org.peerlab.report.ChartRenderer;
import org.peerlab.ui.internal.errors.Errors;

/**
 * An SWT widget that shows a JFreeChart: the chart is drawn into an AWT image
 * ({@link JFreeChart#draw} with a {@link ChartRenderingInfo}) and shown as an SWT image.
 * <ul>
 * <li>Repaints are throttled: {@link #refresh()} (or any change event of the chart) redraws at
 * most every {@value #MIN_REPAINT_MILLIS} ms, so a chart fed many times a second stays cheap.</li>
 * <li>Tooltips come from the entities of the last drawing under the mouse (the chart's own tooltip
 * generator, else series, x and y of the item).</li>
 * <li>On XY plots, dragging a rectangle with the left button zooms into it; a double click
 * restores the automatic ranges.</li>
 * <li>The context menu saves the chart as PNG or SVG at the widget's size.</li>
 * </ul>
 * Use on the UI thread, except {@link #refresh()}, which may be called from any thread. The chart's
 * datasets must be changed on the UI thread (drawing reads them there).
 */
public class ChartCanvas extends Canvas {

    /** Shortest time between two repaints caused by {@link #refresh()}. */
    public static final int MIN_REPAINT_MILLIS = 100;
    private static final int DEFAULT_WIDTH = 900;
    private static final int DEFAULT_HEIGHT = 480;

    private final ChartChangeListener changes = event -> refresh();
    private JFreeChart chart;
    private ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
    private Image image;
    private Point imageSize = new Point(0, 0);
    private boolean stale = true;
    private boolean repaintScheduled;
    private long lastRenderNanos;
    private String renderFailure;
    private Point dragStart;
    private Rectangle dragRectangle;
    private String emptyText = "";

    /** A canvas without a chart (it shows the {@link #setEmptyText empty text} until {@link #setChart}). */
    public ChartCanvas(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        addPaintListener(this::paint);
        addListener(SWT.Resize, e -> {
            stale = true;
            redraw();
        });
        addMouseMoveListener(this::mouseMoved);
        addListener(SWT.MouseDown, e -> mouseDown(new MouseEvent(e)));
        addListener(SWT.MouseUp, e -> mouseUp(new MouseEvent(e)));
        addListener(SWT.MouseDoubleClick, e -> restoreZoom());
        addListener(SWT.Dispose, e -> disposed());
        setMenu(contextMenu());
    }

    /** Shows {@code newChart} (or nothing, for {@code null}) and follows its change events. */
    public void setChart(JFreeChart newChart) {
        checkWidget();
        if (chart != null) {
            chart.removeChangeListener(changes);
        }
        chart = newChart;
        if (chart != null) {
            chart.addChangeListener(changes);
        }
        stale = true;
        redraw();
    }

    /** @return the chart shown, or {@code null} */
    public JFreeChart getChart() {
        checkWidget();
        return chart;
    }

    /** Sets the text shown while there is no chart. */
    public void setEmptyText(String text) {
        checkWidget();
        emptyText = text == null ? "" : text;
        redraw();
    }

    /**
     * Says the chart's data changed: the widget redraws soon, at most every
     * {@value #MIN_REPAINT_MILLIS} ms. Callable from any thread; does nothing once disposed.
     */
    public void refresh() {
        if (isDisposed()) {
            return;
        }
        Display display = getDisplay();
        if (Display.getCurrent() != display) {
            display.asyncExec(this::refresh);
            return;
        }
        stale = true;
        if (repaintScheduled) {
            return;
        }
        repaintScheduled = true;
        long waitMillis = Math.max(0, MIN_REPAINT_MILLIS - (System.nanoTime() - lastRenderNanos) / 1_000_000);
        display.timerExec((int) waitMillis, () -> {
            repaintScheduled = false;
            if (!isDisposed()) {
                redraw();
            }
        });
    }

    /** Writes the chart as a PNG of the widget's current size (900 x 480 while it has none). */
    public void savePng(Path file) throws IOException {
        checkWidget();
        Point size = exportSize();
        ChartUtils.saveChartAsPNG(file.toFile(), requireChart(), size.x, size.y);
    }

    /** Writes the chart as an SVG of the widget's current size (900 x 480 while it has none). */
    public void saveSvg(Path file) throws IOException {
        checkWidget();
        Point size = exportSize();
        ChartRenderer.writeSvg(requireChart(), file, size.x, size.y);
    }

    /** @return the tooltip the chart gives at {@code (x, y)} in widget pixels, or {@code null} */
    public String toolTipAt(int x, int y) {
        checkWidget();
        EntityCollection entities = info.getEntityCollection();
        ChartEntity entity = entities == null ? null : entities.getEntity(x, y);
        return entity == null ? null : ChartToolTips.text(entity);
    }

    /** @return the plot's data area of the last drawing, in widget pixels (empty before the first) */
    public Rectangle dataArea() {
        checkWidget();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        return new Rectangle((int) area.getX(), (int) area.getY(), (int) area.getWidth(), (int) area.getHeight());
    }

    /**
     * Zooms an XY plot to the rectangle {@code selection} (widget pixels), as a mouse drag does.
     *
     * @return whether the chart zoomed (only XY plots do, and only for a selection of at least a few pixels)
     */
    public boolean zoomTo(Rectangle selection) {
        checkWidget();
        return ChartZoom.zoomTo(chart, info.getPlotInfo(), selection);
    }

    /** Gives every axis of an XY plot its automatic range back (what a double click does). */
    public void restoreZoom() {
        checkWidget();
        ChartZoom.restore(chart, info.getPlotInfo());
    }

    private JFreeChart requireChart() {
        if (chart == null) {
            throw new IllegalStateException("the canvas shows no chart");
        }
        return chart;
    }

    private Point exportSize() {
        Rectangle area = getClientArea();
        return area.width < 50 || area.height < 50 ? new Point(DEFAULT_WIDTH, DEFAULT_HEIGHT) : new Point(area.width, area.height);
    }

    private void paint(PaintEvent e) {
        Rectangle area = getClientArea();
        GC gc = e.gc;
        if (chart == null || area.width <= 0 || area.height <= 0) {
            gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
            gc.fillRectangle(area);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText(emptyText, 10, 10, true);
            return;
        }
        if (stale || image == null || imageSize.x != area.width || imageSize.y != area.height) {
            render(area.width, area.height);
        }
        if (renderFailure != null) {
            gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
            gc.fillRectangle(area);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_RED));
            gc.drawText("Cannot draw the chart: " + renderFailure, 10, 10, true);
            return;
        }
        gc.drawImage(image, 0, 0);
        if (dragRectangle != null) {
            gc.setLineStyle(SWT.LINE_DASH);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLUE));
            gc.drawRectangle(dragRectangle);
        }
    }

    private void render(int width, int height) {
        BufferedImage canvas = ChartImages.canvas(width, height);
        Graphics2D g = canvas.createGraphics();
        ChartRenderingInfo fresh = new ChartRenderingInfo(new StandardEntityCollection());
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), null, fresh);
            Image old = image;
            image = new Image(getDisplay(), ChartImages.toImageData(canvas));
            if (old != null) {
                old.dispose();
            }
            info = fresh;
            if (renderFailure != null) {
                renderFailure = null;
            }
        } catch (RuntimeException e) {
            // A broken dataset or renderer: say so in the widget once, and log the cause.
            if (renderFailure == null) {
                Errors.log("Cannot draw the chart '" + titleOf(chart) + "'", e);
            }
            renderFailure = Errors.message(e);
        } finally {
            g.dispose();
            stale = false;
            imageSize = new Point(width, height);
            lastRenderNanos = System.nanoTime();
        }
    }

    private static String titleOf(JFreeChart c) {
        return c.getTitle() == null ? "untitled" : c.getTitle().getText();
    }

    private void mouseMoved(MouseEvent e) {
        if (dragStart != null) {
            dragRectangle = new Rectangle(Math.min(dragStart.x, e.x), Math.min(dragStart.y, e.y), Math.abs(e.x - dragStart.x),
                    Math.abs(e.y - dragStart.y));
            redraw();
            return;
        }
        String tip = chart == null ? null : toolTipAt(e.x, e.y);
        if (!java.util.Objects.equals(tip, getToolTipText())) {
            setToolTipText(tip);
        }
    }

    private void mouseDown(MouseEvent e) {
        if (e.button == 1 && e.count == 1 && ChartZoom.zoomable(chart) && dataArea().contains(e.x, e.y)) {
            dragStart = new Point(e.x, e.y);
        }
    }

    private void mouseUp(MouseEvent e) {
        if (dragStart == null) {
            return;
        }
        Rectangle selection = dragRectangle;
        dragStart = null;
        dragRectangle = null;
        if (selection != null) {
            zoomTo(selection);
        }
        redraw();
    }

    private Menu contextMenu() {
        Menu menu = new Menu(this);
        item(menu, "Save as PNG\u2026", "*.png", this::savePng);
        item(menu, "Save as SVG\u2026", "*.svg", this::saveSvg);
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem restore = new MenuItem(menu, SWT.PUSH);
        restore.setText("Restore zoom");
        restore.addListener(SWT.Selection, e -> restoreZoom());
        return menu;
    }

    private interface Export {
        void to(Path file) throws IOException;
    }

    private void item(Menu menu, String text, String pattern, Export export) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(text);
        item.addListener(SWT.Selection, e -> {
            if (chart == null) {
                return;
            }
            FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
            dialog.setFilterExtensions(new String[] { pattern });
            dialog.setFileName(fileName(titleOf(chart)) + pattern.substring(1));
            dialog.setOverwrite(true);
            String answer = dialog.open();
            if (answer == null) {
                return;
            }
            try {
                export.to(Path.of(answer));
            } catch (IOException | RuntimeException failure) {
                Errors.show(getShell(), "Cannot save the chart to " + answer, failure);
            }
        });
    }

    /** @return {@code title} as a file name: lower case, runs of other characters as one '-' */
    static String fileName(String title) {
        String s = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "chart" : s;
    }

    private void disposed() {
        if (chart != null) {
            chart.removeChangeListener(changes);
        }
        if (image != null) {
            image.dispose();
            image = null;
        }
    }
}
