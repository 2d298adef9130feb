package org.peerlab.report;

import java.util.List;
import java.util.Map;

/** The report's HTML page: self-contained apart from the chart images beside it. */
final class Html {

    private Html() {
    }

    static String page(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(r.title())).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}"
                        + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}"
                        + "th{background:#f0f0f0}img{max-width:100%}pre{background:#f8f8f8;border:1px solid #ddd;padding:8px;overflow-x:auto}</style></head><body>\n");
        sb.append("<h1>").append(esc(r.title())).append("</h1>\n<table>\n");
        for (Map.Entry<String, String> e : r.metadata().entrySet()) {
            sb.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue())).append("</td></tr>\n");
        }
        sb.append("</table>\n");
        for (String note : r.notes()) {
            sb.append("<p>").append(esc(note)).append("</p>\n");
        }
        for (Report.Section s : r.sections()) {
            sb.append("<h2 id=\"").append(s.id()).append("\">").append(esc(s.title())).append("</h2>\n");
            if (s.text() != null) {
                sb.append("<pre>").append(esc(s.text())).append("</pre>\n");
            }
            for (Report.Chart c : s.charts()) {
                sb.append("<p><img src=\"charts/").append(c.id()).append(".png\" alt=\"").append(esc(c.title()))
                        .append("\"><br><a href=\"charts/").append(c.id()).append(".svg\">SVG</a></p>\n");
            }
            if (s.table() != null) {
                table(sb, s.table());
                sb.append("<p><a href=\"").append(s.id()).append(".csv\">CSV</a></p>\n");
            }
        }
        sb.append("<p><a href=\"report.json\">All figures as JSON</a></p>\n</body></html>\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, Report.Table t) {
        sb.append("<table><tr>");
        for (String c : t.columns()) {
            sb.append("<th>").append(esc(c)).append("</th>");
        }
        sb.append("</tr>\n");
        for (List<Object> row : t.rows()) {
            sb.append("<tr>");
            for (Object v : row) {
                boolean number = v instanceof Number;
                sb.append(number ? "<td class=\"n\">" : "<td>").append(esc(format(v))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    private static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                return "";
            }
            double a = Math.abs(d);
            return a != 0 && (a < 0.01 || a >= 1e7) ? String.format(java.util.Locale.ROOT, "%.3e", d) : String.format(java.util.Locale.ROOT, "%.2f", d);
        }
        return v.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
