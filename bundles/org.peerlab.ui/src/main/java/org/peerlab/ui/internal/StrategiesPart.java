package org.peerlab.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TreeItem;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.StrategyRegistry;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The Strategies view: every installed strategy by family, with description, parameters and
 * providing bundle. Follows the registry live: a bundle installed or removed while the
 * workbench runs shows up or disappears here.
 */
public class StrategiesPart {

    private TreeViewer viewer;
    private Label status;
    private StrategyPlugins plugins;
    private Display display;
    private ServiceTracker<StrategyRegistry, StrategyRegistry> tracker;
    private volatile StrategyRegistry registry;

    @PostConstruct
    void create(Composite parent) {
        display = parent.getDisplay();
        parent.setLayout(new GridLayout(1, false));
        pluginButtons(parent);
        viewer = new TreeViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getTree());
        column("Strategy", 260, 0);
        column("Description / parameter", 540, 1);
        column("Provided by", 300, 2);
        viewer.setContentProvider(new StrategyTree());
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        viewer.setInput(List.of());
        track();
    }

    private void pluginButtons(Composite parent) {
        plugins = new StrategyPlugins(display);
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayout(new GridLayout(2, false));
        Button install = new Button(row, SWT.PUSH);
        install.setText("Install…");
        install.setToolTipText("Install a strategy plugin: a p2 repository folder, a zip of one, or a bundle jar");
        install.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(parent.getShell());
            d.setText("Install a strategy plugin");
            d.setMessage("Pick a p2 repository folder (Cancel to pick a zip or jar file instead)");
            String picked = d.open();
            if (picked == null) {
                FileDialog f = new FileDialog(parent.getShell(), SWT.OPEN);
                f.setText("Install a strategy plugin (zip or jar)");
                f.setFilterExtensions(new String[] { "*.zip;*.jar", "*" });
                picked = f.open();
            }
            if (picked != null) {
                install(java.nio.file.Path.of(picked));
            }
        });
        Button uninstall = new Button(row, SWT.PUSH);
        uninstall.setText("Uninstall");
        uninstall.setToolTipText("Uninstall the plugin that provides the selected strategy");
        uninstall.addListener(SWT.Selection, e -> {
            TreeItem[] sel = viewer.getTree().getSelection();
            TreeItem item = sel.length == 0 ? null : sel[0];
            while (item != null && item.getParentItem() != null && item.getParentItem().getParentItem() != null) {
                item = item.getParentItem(); // a parameter row: its strategy
            }
            if (item == null || item.getParentItem() == null) {
                org.eclipse.jface.dialogs.MessageDialog.openInformation(parent.getShell(), "Uninstall", "Select a strategy first.");
                return;
            }
            uninstall(item.getParentItem().getText(0), item.getText(0));
        });
    }

    /** Installs the plugin at {@code source} in the background (what Install… does after its dialog). */
    public org.eclipse.core.runtime.jobs.Job install(java.nio.file.Path source) {
        return plugins.install(viewer.getTree().getShell(), source, this::pluginMessage);
    }

    /** Uninstalls the plugin providing {@code family/strategy} in the background (what Uninstall does). */
    public org.eclipse.core.runtime.jobs.Job uninstall(String family, String strategy) {
        return plugins.uninstall(viewer.getTree().getShell(), family, strategy, this::pluginMessage);
    }

    private void pluginMessage(String message) {
        if (!status.isDisposed()) {
            status.setText(message);
        }
    }

    private void column(String title, int width, int index) {
        TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return StrategyTree.text(element, index);
            }
        });
    }

    private void track() {
        BundleContext bc = FrameworkUtil.getBundle(getClass()).getBundleContext();
        tracker = new ServiceTracker<>(bc, StrategyRegistry.class, null) {
            private AutoCloseable listening;

            @Override
            public StrategyRegistry addingService(ServiceReference<StrategyRegistry> reference) {
                StrategyRegistry r = super.addingService(reference);
                registry = r;
                listening = r.addListener((change, strategy) -> refreshLater());
                refreshLater();
                return r;
            }

            @Override
            public void removedService(ServiceReference<StrategyRegistry> reference, StrategyRegistry service) {
                try {
                    listening.close();
                } catch (Exception e) {
                    // The registry is going away; nothing more to detach.
                }
                registry = null;
                refreshLater();
                super.removedService(reference, service);
            }
        };
        tracker.open();
    }

    private void refreshLater() {
        if (!display.isDisposed()) {
            display.asyncExec(this::refresh);
        }
    }

    private void refresh() {
        if (viewer.getTree().isDisposed()) {
            return;
        }
        StrategyRegistry r = registry;
        List<RegisteredStrategy> all = r == null ? List.of() : r.all();
        viewer.setInput(StrategyTree.group(all));
        viewer.expandAll();
        long families = all.stream().map(RegisteredStrategy::family).distinct().count();
        status.setText(r == null ? "Strategy registry not running" : all.size() + " strategies in " + families
                + " families; the list follows bundles as they are installed and removed");
    }

    /** @return the rows the tree shows, as {@code family/strategy}, read from the widget itself */
    public List<String> shownStrategies() {
        List<String> rows = new ArrayList<>();
        for (TreeItem family : viewer.getTree().getItems()) {
            for (TreeItem strategy : family.getItems()) {
                rows.add(family.getText(0) + "/" + strategy.getText(0));
            }
        }
        return rows;
    }

    @Focus
    void focus() {
        viewer.getTree().setFocus();
    }

    @PreDestroy
    void dispose() {
        tracker.close();
        plugins.close();
    }
}
