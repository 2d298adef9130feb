package org.peerlab.ui.internal.errors;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Error Log view: what the platform log received (errors the workbench reported through
 * {@link Errors}, and the platform's own), newest first; selecting one shows its cause chain.
 */
public class ErrorLogPart {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @Inject
    ErrorLogBook book;

    private Table table;
    private Text details;
    private AutoCloseable listening;

    @PostConstruct
    void create(Composite parent) {
        Display display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 4).applyTo(parent);
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(1, 2).applyTo(table);
        column("Time", 80);
        column("Severity", 80);
        column("Plugin", 160);
        column("Message", 700);
        Button clear = new Button(parent, SWT.PUSH);
        clear.setText("Clear");
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.TOP).applyTo(clear);
        clear.addListener(SWT.Selection, e -> {
            book.clear();
            table.removeAll();
            details.setText("");
        });
        details = new Text(parent, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(false, true).hint(260, SWT.DEFAULT).applyTo(details);
        table.addListener(SWT.Selection, e -> {
            TableItem[] s = table.getSelection();
            details.setText(s.length == 0 || !(s[0].getData() instanceof ErrorLogBook.Entry entry) ? "" : detail(entry));
        });
        book.entries().forEach(this::show);
        listening = book.listen(entry -> {
            if (!display.isDisposed()) {
                display.asyncExec(() -> show(entry));
            }
        });
    }

    private void column(String title, int width) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(title);
        c.setWidth(width);
    }

    private void show(ErrorLogBook.Entry e) {
        if (table.isDisposed()) {
            return;
        }
        TableItem item = new TableItem(table, SWT.NONE, 0);
        item.setText(new String[] { TIME.format(e.time()), e.severityText(), String.valueOf(e.plugin()), e.message() });
        item.setData(e);
    }

    private static String detail(ErrorLogBook.Entry e) {
        StringBuilder sb = new StringBuilder(e.message());
        if (e.exception() != null) {
            sb.append("\n\nCaused by:");
            for (String cause : Errors.causes(e.exception())) {
                sb.append("\n  ").append(cause);
            }
        }
        return sb.toString();
    }

    /** @return the messages shown, newest first (for tests) */
    public List<String> shownMessages() {
        return java.util.Arrays.stream(table.getItems()).map(i -> i.getText(3)).toList();
    }

    @Focus
    void focus() {
        table.setFocus();
    }

    @PreDestroy
    void dispose() throws Exception {
        listening.close();
    }
}
