package org.peerlab.sim;

/**
 * Where simulated components publish what they measure. Values are plain doubles in the unit
 * the metric's name states (for example {@code throughput-mbps}, {@code connect-ms}). A run
 * collects them; a UI may listen to them live. Called on the simulation thread only.
 */
public interface Metrics {

    /** Discards everything. */
    Metrics NONE = new Metrics() {
        @Override
        public void sample(String metric, long time, double value) {
        }

        @Override
        public void observe(String metric, double value) {
        }

        @Override
        public void count(String metric, double amount) {
        }
    };

    /** A point of a time series: {@code value} at virtual time {@code time} (nanoseconds). */
    void sample(String metric, long time, double value);

    /** One observation of a per-event quantity (a connection's setup time, a transfer's rate). */
    void observe(String metric, double value);

    /** Adds {@code amount} to a counter (successes, bytes relayed). */
    void count(String metric, double amount);
}
