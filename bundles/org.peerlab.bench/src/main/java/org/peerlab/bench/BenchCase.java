package org.peerlab.bench;

/**
 * One thing to time: an operation and how to turn operation counts into the reported figure.
 *
 * @param family      strategy family
 * @param strategy    strategy name (or a baseline's label)
 * @param operation   what is timed, e.g. {@code seal}
 * @param parameters  the parameters in words, e.g. {@code chunk=64KiB}
 * @param unit        unit of the figure: a rate ({@code MB/s}, {@code handshakes/s}) or {@code ms/op}
 * @param unitsPerOp  for rates: units one operation accounts for (MB per seal, 1 per handshake)
 * @param op          the operation; must do its whole work each call
 */
public record BenchCase(String family, String strategy, String operation, String parameters, String unit, double unitsPerOp,
        Runnable op) {

    /** @return whether the figure is a latency (lower is better) rather than a rate */
    public boolean latency() {
        return unit.startsWith("ms/");
    }
}
