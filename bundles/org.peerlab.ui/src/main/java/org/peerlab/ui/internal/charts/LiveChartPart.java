package org.peerlab.ui.internal.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.peerlab.ui.internal.WorkbenchPrefs;
import org.peerlab.ui.internal.jobs.ExperimentJob;
import org.peerlab.ui.internal.jobs.RunQueue;
import org.peerlab.ui.internal.jobs.UiThrottle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Live charts of one running experiment, opened in the editor area when the run starts:
 * throughput over virtual time, NAT traversal success by strategy, and audit or durability
 * metrics, each shown once the run has produced data for it (see {@link LiveMetrics}). Fed
 * from the runner's metric batches, coalesced onto the UI thread at most four times a second.
 */
public class LiveChartPart {

    /** The part descriptor live charts are made from. */
    public static final String DESCRIPTOR_ID = "org.peerlab.ui.partdescriptor.livechart";
    /** The tag every live chart part carries. */
    public static final String TAG = "peerlab.livechart";
    /** Transient data key of the {@link ExperimentJob} a live chart part shows. */
    public static final String JOB_KEY = "peerlab.job";
    private static final String WINDOW = "org.peerlab.ui.window.main";
    private static final String EDITORS = "org.peerlab.ui.partstack.editors";
    private static final int REFRESH_MILLIS = 250;

    private final XYSeriesCollection throughput = new XYSeriesCollection();
    private final DefaultCategoryDataset success = new DefaultCategoryDataset();
    private final XYSeriesCollection other = new XYSeriesCollection();
    private final List<ChartCanvas> canvases = new ArrayList<>();
    private final List<AutoCloseable> listening = new ArrayList<>();
    private ExperimentJob job;
    private Label header;
    private Composite chartBox;
    private ChartCanvas throughputCanvas;
    private ChartCanvas successCanvas;
    private ChartCanvas otherCanvas;
    private int items;

    /** Opens a live chart part for {@code job} in the editor area and shows it (the UI thread). */
    public static MPart open(MApplication app, EModelService models, ExperimentJob job) {
        MWindow window = (MWindow) models.find(WINDOW, app);
        EPartService parts = window.getContext().get(EPartService.class);
        MPart part = parts.createPart(DESCRIPTOR_ID);
        part.setLabel("Live: " + job.scenario().name());
        part.setTooltip("Live charts of the run of " + job.scenarioFile());
        part.getTransientData().put(JOB_KEY, job);
        part.getTags().add(TAG);
        MPartStack stack = (MPartStack) models.find(EDITORS, app);
        stack.getChildren().add(part);
        parts.showPart(part, PartState.VISIBLE);
        return part;
    }

    /** @return the live chart part showing {@code job}, if one is open and created */
    public static Optional<LiveChartPart> find(MApplication app, EModelService models, ExperimentJob job) {
        for (MPart p : models.findElements(app, null, MPart.class, List.of(TAG))) {
            if (p.getTransientData().get(JOB_KEY) == job && p.getObject() instanceof LiveChartPart live) {
                return Optional.of(live);
            }
        }
        return Optional.empty();
    }

    /** Removes live chart parts restored from an earlier session: their runs are gone. */
    public static void removeStale(MApplication app, EModelService models) {
        for (MPart p : models.findElements(app, null, MPart.class, List.of(TAG))) {
            if (!(p.getTransientData().get(JOB_KEY) instanceof ExperimentJob) && p.getParent() != null) {
                p.setToBeRendered(false);
                p.getParent().getChildren().remove(p);
            }
        }
    }

    @PostConstruct
    void create(Composite parent, MPart part, RunQueue queue) {
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        header = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(header);
        chartBox = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(chartBox);
        GridLayoutFactory.fillDefaults().applyTo(chartBox);
        job = part.getTransientData().get(JOB_KEY) instanceof ExperimentJob j ? j : null;
        if (job == null) {
            header.setText("This live chart belonged to a run of an earlier session; finished runs are in the Runs view.");
            return;
        }
        UiThrottle refresher = new UiThrottle(parent.getDisplay(), REFRESH_MILLIS, this::refresh);
        listening.add(job.onLiveMetrics(refresher::request));
        listening.add(queue.addListener(j -> {
            if (j == job) {
                refresher.request();
            }
        }));
        refresh();
    }

    /** @return the job shown, or {@code null} for a part left from an earlier session */
    public ExperimentJob job() {
        return job;
    }

    /** @return chart items (points and bars) shown after the last refresh */
    public int items() {
        return items;
    }

    /** @return the chart widgets shown, in display order */
    public List<ChartCanvas> canvases() {
        return List.copyOf(canvases);
    }

    /** Updates the charts from the job's live metrics (the UI thread; the throttle calls it). */
    public void refresh() {
        if (header.isDisposed() || job == null) {
            return;
        }
        header.setText("Live: " + job.describe() + ". Charts show replication 0 of each sweep point; final figures are in the report.");
        LiveMetrics live = job.live();
        if (live == null) {
            return;
        }
        LiveMetrics.Snapshot s = live.snapshot();
        items = s.items();
        if (!s.throughput().isEmpty()) {
            update(throughput, s.throughput());
            if (throughputCanvas == null) {
                throughputCanvas = add(ChartFactory.createXYLineChart("Throughput over time", "virtual time (s)", "goodput (Mbit/s)", throughput,
                        PlotOrientation.VERTICAL, true, true, false));
            }
        }
        if (!s.success().isEmpty()) {
            s.success().forEach((series, rates) -> rates.forEach((strategy, rate) -> success.setValue(rate, series, strategy)));
            if (successCanvas == null) {
                JFreeChart chart = ChartFactory.createBarChart("NAT traversal success by strategy", "strategy", "success rate", success,
                        PlotOrientation.VERTICAL, true, true, false);
                ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 1.0);
                successCanvas = add(chart);
            }
        }
        if (!s.other().isEmpty()) {
            update(other, s.other());
            if (otherCanvas == null) {
                otherCanvas = add(ChartFactory.createXYLineChart(s.durability() ? "Audit and durability" : "Metrics over time", "virtual time (s)",
                        "running value", other, PlotOrientation.VERTICAL, true, true, false));
            }
        }
    }

    private ChartCanvas add(JFreeChart chart) {
        ChartTheme.apply(chart, WorkbenchPrefs.user().chartStyle());
        ChartCanvas canvas = new ChartCanvas(chartBox, SWT.NONE);
        canvas.setChart(chart);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(canvas);
        canvases.add(canvas);
        GridLayoutFactory.fillDefaults().numColumns(Math.min(2, canvases.size())).applyTo(chartBox);
        chartBox.layout(true, true);
        return canvas;
    }

    private static void update(XYSeriesCollection data, Map<String, List<LiveMetrics.XY>> lines) {
        lines.forEach((label, points) -> {
            int index = data.getSeriesIndex(label);
            XYSeries series;
            if (index < 0) {
                series = new XYSeries(label, false, true);
                data.addSeries(series);
            } else {
                series = data.getSeries(index);
            }
            series.setNotify(false);
            series.clear();
            for (LiveMetrics.XY p : points) {
                series.add(p.x(), p.y(), false);
            }
            series.setNotify(true); // one change event for the whole line
        });
    }

    @PreDestroy
    void dispose() throws Exception {
        for (AutoCloseable l : listening) {
            l.close();
        }
    }
}
