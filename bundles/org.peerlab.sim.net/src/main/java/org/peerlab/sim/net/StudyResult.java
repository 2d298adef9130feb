package org.peerlab.sim.net;

import java.util.List;

/**
 * The outcome of a {@link TransferStudy} run.
 *
 * @param setup              what was run
 * @param flows              one result per flow, in flow order
 * @param jainIndex          Jain's fairness index over the flows' shared goodputs, in (0, 1]
 *                           ({@code (sum x)^2 / (n * sum x^2)}; 1 when all are equal)
 * @param sharedGoodputMbps  sum of the flows' shared goodputs, Mbit/s
 * @param bottleneckBytes    bytes serialized on the bottleneck's forward direction
 * @param queueDrops         packets dropped by the bottleneck's forward queue
 * @param lossDrops          packets lost at random on the bottleneck (both directions)
 * @param maxQueueBytes      the forward queue's high-water mark, bytes
 * @param simulatedNanos     virtual time at the end of the run
 * @param events             simulator events fired during the run
 * @param payloadElided      <b>true when chunk contents were not really encrypted or hashed</b>
 */
public record StudyResult(TransferSetup setup, List<FlowResult> flows, double jainIndex, double sharedGoodputMbps, long bottleneckBytes,
        long queueDrops, long lossDrops, long maxQueueBytes, long simulatedNanos, long events, boolean payloadElided) {

    public StudyResult {
        flows = List.copyOf(flows);
    }

    /** @return whether every flow completed and verified */
    public boolean allVerified() {
        return flows.stream().allMatch(FlowResult::verified);
    }

    /** @return Jain's fairness index of {@code values} (1 for an empty or all-zero list) */
    public static double jain(double[] values) {
        double sum = 0;
        double squares = 0;
        for (double v : values) {
            sum += v;
            squares += v * v;
        }
        return squares == 0 ? 1 : sum * sum / (values.length * squares);
    }
}
