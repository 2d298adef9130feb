package org.peerlab.ui.internal.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * The Source tab of the scenario editor: the JSON text in a {@link StyledText} with a ruler of
 * line numbers. Problems are shown where they are: a red mark in the ruler, the line tinted,
 * the offending token underlined, and the message written after the line's end (and as a
 * tooltip over the line and the ruler).
 */
final class ScenarioSource {

    private static final int GAP = 24;

    private final Composite box;
    private final Canvas ruler;
    private final StyledText text;
    private final Color problemLine;
    private final Color problemText;
    private final Color rulerBackground;
    private List<ProblemMarker> markers = List.of();
    private Map<Integer, String> messages = Map.of();

    ScenarioSource(Composite parent) {
        box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(0, 0).applyTo(box);
        ruler = new Canvas(box, SWT.DOUBLE_BUFFERED);
        text = new StyledText(box, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        text.setLeftMargin(6);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(text);
        GridDataFactory.fillDefaults().grab(false, true).hint(rulerWidth(), SWT.DEFAULT).applyTo(ruler);
        problemLine = new Color(255, 228, 228);
        problemText = new Color(200, 0, 0);
        rulerBackground = new Color(240, 240, 240);
        box.addListener(SWT.Dispose, e -> {
            problemLine.dispose();
            problemText.dispose();
            rulerBackground.dispose();
        });
        ruler.setFont(text.getFont());
        ruler.addPaintListener(this::paintRuler);
        ruler.addListener(SWT.MouseMove, e -> ruler.setToolTipText(messages.get(text.getLineIndex(e.y))));
        text.addPaintListener(this::paintMessages);
        text.addPaintListener(e -> ruler.redraw());
        text.getVerticalBar().addListener(SWT.Selection, e -> ruler.redraw());
        text.addListener(SWT.Modify, e -> {
            ((org.eclipse.swt.layout.GridData) ruler.getLayoutData()).widthHint = rulerWidth();
            box.layout();
        });
        text.addListener(SWT.MouseMove, e -> {
            String tip = e.y < 0 ? null : messages.get(text.getLineIndex(e.y));
            if (!java.util.Objects.equals(tip, text.getToolTipText())) {
                text.setToolTipText(tip);
            }
        });
    }

    Control control() {
        return box;
    }

    /** @return the text widget (what the user types into) */
    StyledText widget() {
        return text;
    }

    String text() {
        return text.getText();
    }

    void setText(String value) {
        text.setText(value);
    }

    void setEditable(boolean editable) {
        text.setEditable(editable);
    }

    /** @return the markers shown */
    List<ProblemMarker> markers() {
        return markers;
    }

    /** Shows {@code newMarkers}, placed in the current text (they must have been computed from it). */
    void setMarkers(List<ProblemMarker> newMarkers) {
        markers = List.copyOf(newMarkers);
        Map<Integer, String> byLine = new TreeMap<>();
        for (ProblemMarker m : markers) {
            byLine.merge(m.line(), m.message(), (a, b) -> a + "  \u2022  " + b);
        }
        messages = byLine;
        int lines = text.getLineCount();
        text.setLineBackground(0, lines, null);
        byLine.keySet().stream().filter(l -> l < lines).forEach(l -> text.setLineBackground(l, 1, problemLine));
        text.setStyleRanges(underlines());
        text.redraw();
        ruler.redraw();
    }

    /** Moves the caret to {@code marker} and scrolls it into view. */
    void reveal(ProblemMarker marker) {
        int offset = Math.min(marker.offset(), text.getCharCount());
        text.setSelection(offset, Math.min(offset + marker.length(), text.getCharCount()));
        text.showSelection();
        text.setFocus();
    }

    private StyleRange[] underlines() {
        List<int[]> spans = new ArrayList<>();
        markers.stream().filter(m -> m.length() > 0 && m.offset() + m.length() <= text.getCharCount())
                .sorted(java.util.Comparator.comparingInt(ProblemMarker::offset))
                .forEach(m -> {
                    int[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
                    if (last != null && m.offset() < last[1]) {
                        last[1] = Math.max(last[1], m.offset() + m.length()); // overlapping: one underline
                    } else {
                        spans.add(new int[] { m.offset(), m.offset() + m.length() });
                    }
                });
        return spans.stream().map(s -> {
            StyleRange r = new StyleRange(s[0], s[1] - s[0], problemText, null);
            r.underline = true;
            r.underlineStyle = SWT.UNDERLINE_SQUIGGLE;
            r.underlineColor = problemText;
            return r;
        }).toArray(StyleRange[]::new);
    }

    private void paintMessages(PaintEvent e) {
        if (messages.isEmpty()) {
            return;
        }
        GC gc = e.gc;
        gc.setForeground(problemText);
        Rectangle area = text.getClientArea();
        for (Map.Entry<Integer, String> m : messages.entrySet()) {
            int line = m.getKey();
            if (line >= text.getLineCount()) {
                continue;
            }
            int y = text.getLinePixel(line);
            if (y + text.getLineHeight() < e.y || y > e.y + e.height || y > area.height) {
                continue;
            }
            int end = text.getOffsetAtLine(line) + text.getLine(line).length();
            Point at = text.getLocationAtOffset(end);
            gc.drawString("\u25C0 " + m.getValue(), at.x + GAP, y, true);
        }
    }

    private void paintRuler(PaintEvent e) {
        GC gc = e.gc;
        Rectangle area = ruler.getClientArea();
        gc.setBackground(rulerBackground);
        gc.fillRectangle(area);
        int lineHeight = text.getLineHeight();
        int lines = text.getLineCount();
        for (int line = text.getTopIndex(); line < lines; line++) {
            int y = text.getLinePixel(line);
            if (y > area.height) {
                break;
            }
            String number = Integer.toString(line + 1);
            boolean problem = messages.containsKey(line);
            if (problem) {
                gc.setBackground(problemText);
                gc.fillOval(3, y + (lineHeight - 9) / 2, 9, 9);
                gc.setBackground(rulerBackground);
            }
            gc.setForeground(problem ? problemText : ruler.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            Point size = gc.stringExtent(number);
            gc.drawString(number, area.width - size.x - 6, y, true);
        }
    }

    private int rulerWidth() {
        GC gc = new GC(text);
        try {
            gc.setFont(text.getFont());
            int digits = Math.max(3, Integer.toString(Math.max(1, text.getLineCount())).length());
            return gc.stringExtent("0".repeat(digits)).x + 24;
        } finally {
            gc.dispose();
        }
    }
}
