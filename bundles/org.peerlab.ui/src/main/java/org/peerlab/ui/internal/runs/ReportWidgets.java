package org.peerlab.ui.internal.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.jfree.chart.JFreeChart;
import org.peerlab.report.ChartRenderer;
import org.peerlab.report.Report;
import org.peerlab.ui.internal.WorkbenchPrefs.ChartStyle;
import org.peerlab.ui.internal.charts.ChartCanvas;
import org.peerlab.ui.internal.charts.ChartTheme;

/** Builds the widgets that show report parts: headings, tables and charts (UI thread only). */
final class ReportWidgets {

    static final int CHART_HEIGHT = 360;
    /**
     * Preferred width of tables and charts: small, so that a wide table scrolls inside itself and
     * never widens the page past the editor (they all fill the width there is).
     */
    static final int NARROW = 200;

    private final Composite body;
    private ChartStyle style;
    private final List<ChartCanvas> canvases = new ArrayList<>();
    private Font bold;

    ReportWidgets(Composite body, ChartStyle style) {
        this.body = body;
        this.style = style;
    }

    List<ChartCanvas> canvases() {
        return canvases;
    }

    void heading(Composite parent, String text) {
        Label l = new Label(parent, SWT.WRAP);
        l.setText(text);
        if (bold == null) {
            FontData[] fd = body.getFont().getFontData();
            for (FontData f : fd) {
                f.setStyle(SWT.BOLD);
                f.setHeight(f.getHeight() + 1);
            }
            bold = new Font(body.getDisplay(), fd);
            body.addDisposeListener(e -> bold.dispose());
        }
        l.setFont(bold);
        GridDataFactory.fillDefaults().grab(true, false).hint(NARROW, SWT.DEFAULT).indent(0, 8).applyTo(l);
    }

    /** A paragraph that wraps at the page's width. */
    void text(Composite parent, String text) {
        Label l = new Label(parent, SWT.WRAP);
        l.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).hint(NARROW, SWT.DEFAULT).applyTo(l);
    }

    void keyValues(Composite parent, Map<String, String> values) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        t.setLinesVisible(true);
        column(t, "", 180);
        column(t, "", 600);
        values.forEach((k, v) -> new TableItem(t, SWT.NONE).setText(new String[] { k, v }));
        GridDataFactory.fillDefaults().grab(true, false).hint(NARROW, Math.min(values.size(), 12) * t.getItemHeight() + 6).applyTo(t);
    }

    Table table(Composite parent, Report.Table table) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (String c : table.columns()) {
            column(t, c, Math.max(70, Math.min(220, c.length() * 9)));
        }
        for (List<Object> row : table.rows()) {
            TableItem item = new TableItem(t, SWT.NONE);
            for (int i = 0; i < row.size(); i++) {
                item.setText(i, cell(row.get(i)));
            }
        }
        int rows = Math.min(table.rows().size(), 10);
        GridDataFactory.fillDefaults().grab(true, false).hint(NARROW, t.getHeaderHeight() + (rows + 1) * t.getItemHeight()).applyTo(t);
        return t;
    }

    ChartCanvas chart(Composite parent, Report.Chart spec) {
        JFreeChart chart = ChartTheme.apply(ChartRenderer.chart(spec), style);
        ChartCanvas canvas = new ChartCanvas(parent, SWT.NONE);
        canvas.setChart(chart);
        GridDataFactory.fillDefaults().grab(true, false).hint(NARROW, CHART_HEIGHT).applyTo(canvas);
        canvases.add(canvas);
        return canvas;
    }

    /** Restyles every chart shown (the preferences changed) and repaints them. */
    void restyle(ChartStyle newStyle) {
        style = newStyle;
        for (ChartCanvas c : canvases) {
            if (!c.isDisposed()) {
                ChartTheme.apply(c.getChart(), newStyle);
                c.refresh();
            }
        }
    }

    static Composite column(Composite parent, int columns) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(columns).equalWidth(true).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(c);
        return c;
    }

    private static void column(Table t, String title, int width) {
        TableColumn c = new TableColumn(t, SWT.LEFT);
        c.setText(title);
        c.setWidth(width);
    }

    /** Numbers with four significant digits (as the terminal summary), NaN as a dash. */
    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "-";
            }
            double a = Math.abs(d);
            return a != 0 && (a >= 1e6 || a < 1e-3) ? String.format(Locale.ROOT, "%.4g", d)
                    : d == Math.rint(d) && a < 1e6 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.4f", d);
        }
        return v.toString();
    }
}
