package org.peerlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Times groups of cases with warm-up and repeated iterations. The cases of a group are
 * interleaved (iteration i of every case before iteration i+1 of any), so that a comparison
 * within a group, such as an API against its raw baseline, sees the same machine conditions.
 * Not thread-safe; measurements run on the calling thread.
 */
public final class Harness {

    private final BenchSettings settings;
    private final Consumer<String> progress;

    public Harness(BenchSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** @return one measurement per case, in the order given */
    public List<Measurement> measure(List<BenchCase> group) {
        for (int w = 0; w < settings.warmupIterations(); w++) {
            for (BenchCase c : group) {
                iteration(c);
            }
        }
        double[][] values = new double[group.size()][settings.iterations()];
        long[] ops = new long[group.size()];
        for (int i = 0; i < settings.iterations(); i++) {
            for (int j = 0; j < group.size(); j++) {
                long[] run = iteration(group.get(j));
                ops[j] += run[0];
                values[j][i] = figure(group.get(j), run[0], run[1]);
            }
        }
        List<Measurement> out = new ArrayList<>();
        for (int j = 0; j < group.size(); j++) {
            Measurement m = summarize(group.get(j), values[j], ops[j]);
            progress.accept(m.toString());
            out.add(m);
        }
        return out;
    }

    /** Runs the operation until the iteration time has passed; returns {operations, nanoseconds}. */
    private long[] iteration(BenchCase c) {
        long target = settings.iterationMillis() * 1_000_000L;
        long start = System.nanoTime();
        long n = 0;
        long elapsed;
        do {
            c.op().run();
            n++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < target);
        return new long[] { n, elapsed };
    }

    static double figure(BenchCase c, long operations, long nanos) {
        double seconds = nanos / 1e9;
        return c.latency() ? seconds * 1000.0 / operations : operations * c.unitsPerOp() / seconds;
    }

    static Measurement summarize(BenchCase c, double[] values, long operations) {
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Measurement(c.family(), c.strategy(), c.operation(), c.parameters(), c.unit(), mean, sd, t * sd / Math.sqrt(n), n, operations);
    }
}
