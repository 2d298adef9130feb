package org.peerlab.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.peerlab.bench.BenchReport;
import org.peerlab.bench.BenchResult;
import org.peerlab.bench.BenchSettings;
import org.peerlab.bench.Measurement;
import org.peerlab.bench.MicroBenchmarks;
import org.peerlab.cli.api.Command;
import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.report.ReportWriter;

/** {@code peerlab bench}: micro-benchmarks of the installed strategies, with a report. */
@Component(service = Command.class)
public class BenchCommand implements Command {

    @Reference
    StrategyRegistry registry;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "time the installed strategies' primitives and write a report (HTML, CSV, JSON, PNG/SVG charts)";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab bench [--family F[,F...]] [--strategy S[,S...]] [--out DIR]
                                     [--warmup N] [--iterations N] [--iteration-ms N]

                Times strategy primitives on this machine: AEAD seal throughput at 16 KiB, 64 KiB,
                256 KiB and 1 MiB chunks next to the raw JDK AES-GCM cipher (the API's cost),
                handshakes per second for key exchanges and PAKEs, milliseconds per KDF derivation
                at default parameters, signatures per second, and redundancy encode/decode MB/s
                (decode with n-k shards missing; k-of-n codecs also as 10-of-14). Each case gets
                warm-up iterations, then measured iterations; the report gives mean, standard
                deviation and the 95% confidence interval (Student's t), and records the machine,
                JDK, PeerLab version and every setting.

                  --family F        only these families (aead, key-exchange, pake, kdf, signature, redundancy)
                  --strategy S      only these strategy names (jdk-raw-aes-gcm names the AEAD baseline)
                  --out DIR         report folder (default: ./peerlab-bench-YYYYMMDD-HHMMSS)
                  --warmup N        warm-up iterations per case (default 3)
                  --iterations N    measured iterations per case, at least 2 (default 5)
                  --iteration-ms N  minimum length of an iteration in ms (default 300)

                Writes DIR/report.html, DIR/report.json, DIR/<family>.csv and DIR/charts/<family>.png|svg.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse(name(), args, Set.of(), Set.of("family", "strategy", "out", "warmup", "iterations", "iteration-ms"), 0);
        BenchSettings d = BenchSettings.defaults();
        Set<String> families = list(o.value("family").orElse(""));
        for (String f : families) {
            if (!MicroBenchmarks.families().contains(f)) {
                throw new UsageException("no benchmarks for family '" + f + "' (known: " + String.join(", ", MicroBenchmarks.families()) + ")");
            }
        }
        BenchSettings settings;
        try {
            settings = new BenchSettings(number(o, "warmup", d.warmupIterations()), number(o, "iterations", d.iterations()),
                    number(o, "iteration-ms", d.iterationMillis()), families, list(o.value("strategy").orElse("")));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path dir = Path.of(o.value("out").orElse("peerlab-bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        String version = FrameworkUtil.getBundle(getClass()).getVersion().toString();
        BenchResult result;
        try {
            result = new MicroBenchmarks(registry, settings, line -> err.println("bench: " + line)).run(version);
        } catch (IllegalArgumentException e) {
            err.println("peerlab bench: " + e.getMessage());
            return 1;
        }
        Path html;
        try {
            html = ReportWriter.write(BenchReport.of(result), dir);
        } catch (IOException e) {
            err.println("peerlab bench: cannot write the report to " + dir.toAbsolutePath() + ": " + e.getMessage());
            return 1;
        }
        for (Measurement m : result.measurements()) {
            out.printf("%-13s %-18s %-9s %-40s %12s ± %-9s %s%n", m.family(), m.strategy(), m.operation(), m.parameters(), figure(m.mean()),
                    figure(m.ci95()), m.unit());
        }
        BenchReport.notes(result).forEach(out::println);
        out.println("report: " + html.toAbsolutePath());
        return 0;
    }

    /** Two decimals, or four significant digits for figures below 1 (HKDF takes microseconds). */
    static String figure(double v) {
        return Math.abs(v) >= 1 || v == 0 ? String.format("%.2f", v) : String.format("%.4g", v);
    }

    private static Set<String> list(String csv) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    private static int number(Options o, String name, int fallback) throws UsageException {
        String v = o.value(name).orElse(null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a whole number, got '" + v + "'");
        }
    }
}
