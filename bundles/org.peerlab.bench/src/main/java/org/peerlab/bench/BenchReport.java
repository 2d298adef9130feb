package org.peerlab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.peerlab.report.Report;

/** Turns a {@link BenchResult} into a {@link Report}: one section, table and chart per family. */
public final class BenchReport {

    /** The API may cost at most this fraction of the raw cipher's throughput at 64 KiB. */
    public static final double REQUIRED_API_RATIO = 0.90;

    private static final List<String> COLUMNS = List.of("family", "strategy", "operation", "parameters", "unit", "mean", "ci95",
            "stddev", "iterations", "operations");

    private BenchReport() {
    }

    public static Report of(BenchResult result) {
        Map<String, String> meta = new LinkedHashMap<>(result.machine());
        meta.put("Run time", String.format("%.1f s", result.seconds()));
        Map<String, List<Measurement>> byFamily = new LinkedHashMap<>();
        for (Measurement m : result.measurements()) {
            byFamily.computeIfAbsent(m.family(), f -> new ArrayList<>()).add(m);
        }
        List<Report.Section> sections = new ArrayList<>();
        for (Map.Entry<String, List<Measurement>> e : byFamily.entrySet()) {
            sections.add(section(e.getKey(), e.getValue()));
        }
        return new Report("PeerLab micro-benchmarks", meta, sections, notes(result));
    }

    /** The API-versus-raw-cipher findings, one sentence per chunk size measured. */
    public static List<String> notes(BenchResult result) {
        List<String> notes = new ArrayList<>();
        for (int chunk : MicroBenchmarks.CHUNKS) {
            Optional<Double> ratio = result.apiToRawRatio("aes-256-gcm", chunk);
            if (ratio.isPresent()) {
                String verdict = chunk == 64 << 10
                        ? (ratio.get() >= REQUIRED_API_RATIO ? " (meets the 90% requirement)" : " (BELOW the 90% requirement)")
                        : "";
                notes.add(String.format("aes-256-gcm through the strategy API runs at %.1f%% of the raw JDK AES-GCM cipher at %s chunks%s.",
                        100 * ratio.get(), CryptoCases.size(chunk), verdict));
            }
        }
        return notes;
    }

    private static Report.Section section(String family, List<Measurement> ms) {
        List<List<Object>> rows = new ArrayList<>();
        for (Measurement m : ms) {
            rows.add(List.of(m.family(), m.strategy(), m.operation(), m.parameters(), m.unit(), m.mean(), m.ci95(), m.stdDev(), m.iterations(),
                    m.operations()));
        }
        Set<String> operations = new LinkedHashSet<>();
        ms.forEach(m -> operations.add(m.operation()));
        boolean oneOperation = operations.size() == 1;
        List<Report.Bar> bars = new ArrayList<>();
        for (Measurement m : ms) {
            String series = oneOperation ? m.strategy() : m.operation();
            String category = oneOperation ? m.parameters().split(",")[0] : m.strategy() + " " + m.parameters().split(",")[0];
            bars.add(new Report.Bar(series, category, m.mean(), m.ci95()));
        }
        String unit = ms.get(0).unit();
        String title = family + ": " + String.join(" / ", operations) + " (" + unit + ", mean with 95% CI)";
        return new Report.Section(family, family, new Report.Table(COLUMNS, rows),
                List.of(new Report.BarChart(family, title, unit, bars)));
    }
}
