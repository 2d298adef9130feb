package org.peerlab.ui.internal.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerEditor;
import org.eclipse.jface.viewers.ColumnViewerEditorActivationStrategy;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TableViewerEditor;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/**
 * An editable two-column table of the scenario form: parameter (or swept path) and its value
 * as typed, with Add and Remove buttons. Click a cell to edit it; every committed edit hands all
 * rows to the change callback.
 */
final class ParameterTable {

    /** One row: the key and the value's text. */
    static final class Row {
        String key;
        String value;

        Row(String key, String value) {
            this.key = key;
            this.value = value;
        }
    }

    private final Composite box;
    private final TableViewer viewer;
    private final Button add;
    private final Button remove;
    private final Consumer<List<Row>> onChange;
    private List<Row> rows = new ArrayList<>();

    ParameterTable(Composite parent, String keyTitle, String valueTitle, Consumer<List<Row>> onChange) {
        this.onChange = onChange;
        box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(box);
        viewer = new TableViewer(box, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(1, 2).hint(SWT.DEFAULT, 90).applyTo(viewer.getTable());
        column(keyTitle, 220, true);
        column(valueTitle, 360, false);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        TableViewerEditor.create(viewer, new ColumnViewerEditorActivationStrategy(viewer),
                ColumnViewerEditor.TABBING_HORIZONTAL | ColumnViewerEditor.KEYBOARD_ACTIVATION);
        add = new Button(box, SWT.PUSH);
        add.setText("Add");
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.TOP).applyTo(add);
        add.addListener(SWT.Selection, e -> addRow());
        remove = new Button(box, SWT.PUSH);
        remove.setText("Remove");
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.TOP).applyTo(remove);
        remove.addListener(SWT.Selection, e -> removeSelected());
    }

    Composite control() {
        return box;
    }

    /** Shows {@code newRows} without calling back. */
    void setRows(List<Row> newRows) {
        rows = new ArrayList<>(newRows);
        viewer.setInput(rows);
    }

    /** @return the rows shown */
    List<Row> rows() {
        return List.copyOf(rows);
    }

    void setEnabled(boolean enabled) {
        viewer.getTable().setEnabled(enabled);
        add.setEnabled(enabled);
        remove.setEnabled(enabled);
    }

    private void addRow() {
        String key = "parameter";
        for (int n = 2; keyTaken(key); n++) {
            key = "parameter-" + n;
        }
        Row row = new Row(key, "0");
        rows.add(row);
        viewer.setInput(rows);
        onChange.accept(rows());
        viewer.editElement(row, 0);
    }

    private boolean keyTaken(String key) {
        return rows.stream().anyMatch(r -> r.key.equals(key));
    }

    private void removeSelected() {
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        if (selected instanceof Row row) {
            rows.remove(row);
            viewer.setInput(rows);
            onChange.accept(rows());
        }
    }

    private void column(String title, int width, boolean key) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                Row r = (Row) element;
                return key ? r.key : r.value;
            }
        });
        c.setEditingSupport(new EditingSupport(viewer) {
            private final TextCellEditor editor = new TextCellEditor(viewer.getTable());

            @Override
            protected CellEditor getCellEditor(Object element) {
                return editor;
            }

            @Override
            protected boolean canEdit(Object element) {
                return viewer.getTable().isEnabled();
            }

            @Override
            protected Object getValue(Object element) {
                Row r = (Row) element;
                return key ? r.key : r.value;
            }

            @Override
            protected void setValue(Object element, Object value) {
                Row r = (Row) element;
                String v = String.valueOf(value);
                if (key ? v.equals(r.key) : v.equals(r.value)) {
                    return;
                }
                if (key) {
                    r.key = v.strip();
                } else {
                    r.value = v;
                }
                viewer.update(r, null);
                onChange.accept(rows());
            }
        });
    }
}
