package org.peerlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peerlab.core.json.Json;

/**
 * Writes a {@link Report} into a folder: {@code report.html}, {@code report.json},
 * {@code <section>.csv} per table and {@code charts/<chart>.png|svg}. Files are written under
 * temporary names and moved into place, so a failed run leaves no half-written report.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** @return the HTML page's path */
    public static Path write(Report report, Path dir) throws IOException {
        Path charts = dir.resolve("charts");
        Files.createDirectories(charts);
        for (Report.Section s : report.sections()) {
            for (Report.Chart c : s.charts()) {
                ChartRenderer.write(c, charts);
            }
            if (s.table() != null) {
                atomically(dir.resolve(s.id() + ".csv"), csv(s.table()));
            }
        }
        atomically(dir.resolve("report.json"), Json.write(toMap(report)) + "\n");
        Path html = dir.resolve("report.html");
        atomically(html, Html.page(report));
        return html;
    }

    static Map<String, Object> toMap(Report report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", report.title());
        m.put("metadata", report.metadata());
        m.put("notes", report.notes());
        List<Object> sections = new ArrayList<>();
        for (Report.Section s : report.sections()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("id", s.id());
            sm.put("title", s.title());
            if (s.text() != null) {
                sm.put("text", s.text());
            }
            if (s.table() == null) {
                sections.add(sm);
                continue;
            }
            List<Object> rows = new ArrayList<>();
            for (List<Object> r : s.table().rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < r.size(); i++) {
                    row.put(s.table().columns().get(i), r.get(i));
                }
                rows.add(row);
            }
            sm.put("rows", rows);
            sections.add(sm);
        }
        m.put("sections", sections);
        return m;
    }

    static String csv(Report.Table t) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", t.columns().stream().map(ReportWriter::csvCell).toList())).append('\n');
        for (List<Object> r : t.rows()) {
            sb.append(String.join(",", r.stream().map(ReportWriter::csvCell).toList())).append('\n');
        }
        return sb.toString();
    }

    private static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        return s.matches("[^\",\\n\\r]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static void atomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
