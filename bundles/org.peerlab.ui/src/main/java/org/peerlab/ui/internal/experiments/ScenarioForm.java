package org.peerlab.ui.internal.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.peerlab.core.json.JsonSyntaxException;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.StrategyRegistry;

/**
 * The Form tab of the scenario editor: name, description, workload, one strategy choice per
 * installed family (from the live registry), the workload, network and population parameters,
 * the sweep, replications and seed. Every edit rewrites the scenario text through
 * {@link ScenarioDocument} and hands it to the editor, which shows it in the Source tab and
 * validates it. When the text is not JSON, the form says so and stays disabled until the source
 * is fixed.
 */
final class ScenarioForm {

    /** The strategy combo's first item: the family is not named, the workload's default applies. */
    static final String DEFAULT_STRATEGY = "(workload default)";

    private final Consumer<String> onEdit;
    private final ScrolledComposite scroller;
    private final Composite body;
    private final Label notice;
    private final Text name;
    private final Text description;
    private final Combo workload;
    private final Group strategyGroup;
    private final Map<String, ParameterTable> sections = new LinkedHashMap<>();
    private final ParameterTable sweep;
    private final Spinner replications;
    private final Text seed;
    private final List<Control> editable = new ArrayList<>();
    private ScenarioDocument doc;
    private boolean loading;
    private boolean readOnly;

    /** @param onEdit receives the new scenario text after each edit in the form */
    ScenarioForm(Composite parent, Consumer<String> onEdit) {
        this.onEdit = onEdit;
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        body = new Composite(scroller, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
        notice = new Label(body, SWT.WRAP);
        notice.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).exclude(true).applyTo(notice);
        notice.setVisible(false);

        name = text("Name", "Lower-case letters, digits, '.', '_' and '-'; names the results folder");
        name.addListener(SWT.Modify, e -> edit(d -> d.setName(name.getText())));
        description = text("Description", "Free text, shown in the report");
        description.addListener(SWT.Modify, e -> edit(d -> d.setDescription(description.getText())));
        label("Workload", "The system to simulate (installed workloads)");
        workload = new Combo(body, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(workload);
        workload.addListener(SWT.Selection, e -> edit(d -> d.setWorkload(workload.getText())));
        editable.add(workload);

        strategyGroup = new Group(body, SWT.NONE);
        strategyGroup.setText("Strategies (installed, by family)");
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(strategyGroup);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(strategyGroup);

        for (String section : ScenarioDocument.SECTIONS) {
            sections.put(section, table(capitalized(section) + " parameters", "parameter", "value (JSON; plain words are strings)",
                    rows -> edit(d -> d.setParameters(section, parameters(rows)))));
        }
        sweep = table("Sweep (every combination runs)", "parameter path, e.g. network.loss", "values, comma-separated",
                rows -> edit(d -> d.setSweep(sweepOf(rows))));

        label("Replications", "Runs per sweep point, each with its own random streams");
        replications = new Spinner(body, SWT.BORDER);
        replications.setValues(1, 1, 1_000_000, 0, 1, 10);
        GridDataFactory.swtDefaults().hint(100, SWT.DEFAULT).applyTo(replications);
        replications.addListener(SWT.Modify, e -> edit(d -> d.setReplications(replications.getSelection())));
        editable.add(replications);
        seed = text("Seed", "A whole number; the same seed gives the same results");
        seed.addListener(SWT.Modify, e -> edit(d -> d.setSeed(seed.getText())));

        scroller.setContent(body);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.addListener(SWT.Resize, e -> relayout());
    }

    Control control() {
        return scroller;
    }

    /** Shipped scenarios are shown, not edited. */
    void setReadOnly(boolean value) {
        readOnly = value;
        setEnabled(doc != null);
    }

    /**
     * Shows {@code text} (without calling back).
     *
     * @param workloads the installed workloads' names
     * @param registry  the strategy registry, or {@code null} while it is not running
     */
    void load(String text, List<String> workloads, StrategyRegistry registry) {
        loading = true;
        try {
            try {
                doc = ScenarioDocument.parse(text);
            } catch (JsonSyntaxException e) {
                doc = null;
                showNotice("The source is not a JSON object (line " + e.position().line() + ", column " + e.position().column() + ": "
                        + e.reason() + "). Fix it in the Source tab to edit the form.");
                setEnabled(false);
                return;
            }
            showNotice(null);
            name.setText(doc.name());
            description.setText(doc.description());
            List<String> names = new ArrayList<>(workloads);
            if (!doc.workload().isEmpty() && !names.contains(doc.workload())) {
                names.add(doc.workload());
            }
            workload.setItems(names.toArray(String[]::new));
            workload.setText(doc.workload());
            strategies(registry);
            for (Map.Entry<String, ParameterTable> s : sections.entrySet()) {
                List<ParameterTable.Row> rows = new ArrayList<>();
                doc.parameters(s.getKey()).forEach((k, v) -> rows.add(new ParameterTable.Row(k, CompactJson.write(v))));
                s.getValue().setRows(rows);
            }
            List<ParameterTable.Row> sweepRows = new ArrayList<>();
            doc.sweep().forEach((path, values) -> sweepRows.add(new ParameterTable.Row(path, CompactJson.list(values))));
            sweep.setRows(sweepRows);
            replications.setSelection((int) Math.max(1, Math.min(1_000_000, doc.replications())));
            seed.setText(doc.seed());
            setEnabled(true);
            relayout();
        } finally {
            loading = false;
        }
    }

    /** @return the family to combo text shown (for tests) */
    Map<String, String> shownStrategies() {
        Map<String, String> out = new LinkedHashMap<>();
        Control[] children = strategyGroup.getChildren();
        for (int i = 0; i + 1 < children.length; i += 2) {
            out.put(((Label) children[i]).getText(), ((Combo) children[i + 1]).getText());
        }
        return out;
    }

    private void strategies(StrategyRegistry registry) {
        for (Control c : strategyGroup.getChildren()) {
            c.dispose();
        }
        Map<String, String> chosen = doc.strategies();
        TreeSet<String> families = new TreeSet<>(chosen.keySet());
        List<RegisteredStrategy> installed = registry == null ? List.of() : registry.all();
        installed.forEach(s -> families.add(s.family()));
        if (families.isEmpty()) {
            new Label(strategyGroup, SWT.NONE).setText(registry == null ? "The strategy registry is not running." : "No strategies are installed.");
            return;
        }
        for (String family : families) {
            Label l = new Label(strategyGroup, SWT.NONE);
            l.setText(family);
            Combo combo = new Combo(strategyGroup, SWT.READ_ONLY);
            GridDataFactory.swtDefaults().hint(260, SWT.DEFAULT).applyTo(combo);
            List<String> items = new ArrayList<>(List.of(DEFAULT_STRATEGY));
            installed.stream().filter(s -> s.family().equals(family)).map(RegisteredStrategy::name).forEach(items::add);
            String value = chosen.get(family);
            if (value != null && !items.contains(value)) {
                items.add(value); // named in the file but not installed: validation marks it
            }
            combo.setItems(items.toArray(String[]::new));
            combo.setText(value == null ? DEFAULT_STRATEGY : value);
            combo.setEnabled(!readOnly);
            combo.addListener(SWT.Selection, e -> edit(d -> d.setStrategy(family, combo.getSelectionIndex() <= 0 ? null : combo.getText())));
        }
        strategyGroup.layout(true, true);
    }

    private void edit(Consumer<ScenarioDocument> change) {
        if (loading || doc == null || readOnly) {
            return;
        }
        change.accept(doc);
        onEdit.accept(doc.text());
    }

    private static Map<String, Object> parameters(List<ParameterTable.Row> rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (ParameterTable.Row r : rows) {
            if (!r.key.isEmpty()) {
                m.put(r.key, CompactJson.read(r.value));
            }
        }
        return m;
    }

    private static Map<String, List<Object>> sweepOf(List<ParameterTable.Row> rows) {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        for (ParameterTable.Row r : rows) {
            if (!r.key.isEmpty()) {
                m.put(r.key, CompactJson.readList(r.value));
            }
        }
        return m;
    }

    private void showNotice(String text) {
        notice.setText(text == null ? "" : text);
        notice.setVisible(text != null);
        ((org.eclipse.swt.layout.GridData) notice.getLayoutData()).exclude = text == null;
        relayout();
    }

    private void setEnabled(boolean enabled) {
        boolean on = enabled && !readOnly;
        editable.forEach(c -> c.setEnabled(on));
        sections.values().forEach(t -> t.setEnabled(on));
        sweep.setEnabled(on);
        for (Control c : strategyGroup.getChildren()) {
            c.setEnabled(on);
        }
    }

    private Text text(String title, String tip) {
        label(title, tip);
        Text t = new Text(body, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(t);
        editable.add(t);
        return t;
    }

    private void label(String title, String tip) {
        Label l = new Label(body, SWT.NONE);
        l.setText(title);
        l.setToolTipText(tip);
    }

    private ParameterTable table(String title, String keyTitle, String valueTitle, Consumer<List<ParameterTable.Row>> change) {
        Label l = new Label(body, SWT.NONE);
        l.setText(title);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(l);
        ParameterTable t = new ParameterTable(body, keyTitle, valueTitle, change);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(t.control());
        return t;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void relayout() {
        body.layout(true, true);
        scroller.setMinSize(body.computeSize(Math.max(400, scroller.getClientArea().width), SWT.DEFAULT));
    }
}
