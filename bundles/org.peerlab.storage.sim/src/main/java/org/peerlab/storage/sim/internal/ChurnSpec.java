package org.peerlab.storage.sim.internal;

import org.peerlab.experiment.workloads.DistParams;
import org.peerlab.experiment.Params;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.sim.Dist;

/**
 * Benign churn of storage nodes, {@code population.churn}: a share of the nodes alternate
 * between online periods ({@code uptime-h}) and offline periods ({@code downtime-h}), both
 * distributions in hours. An offline node keeps its data but answers nothing.
 *
 * @param share    fraction of nodes that churn, 0..1 (0: nobody)
 * @param uptime   online period, hours
 * @param downtime offline period, hours
 */
record ChurnSpec(double share, Dist uptime, Dist downtime) {

    /** No churn. */
    static final ChurnSpec NONE = new ChurnSpec(0, Dist.constant(1), Dist.constant(0));

    /** Reads {@code population.churn}; absent means {@link #NONE}. */
    static ChurnSpec read(Params population) throws ScenarioException {
        Params c = population.get("churn");
        if (!c.present()) {
            return NONE;
        }
        c.allowOnly("share", "uptime-h", "downtime-h");
        double share = c.number("share", 1, 0, 1);
        Dist up = DistParams.read(c, "uptime-h", null, 0.001, 1e6);
        Dist down = DistParams.read(c, "downtime-h", null, 0, 1e6);
        if (up == null || down == null) {
            throw c.problem("needs both uptime-h and downtime-h (hours, numbers or distributions)");
        }
        return new ChurnSpec(share, up, down);
    }

    /** @return the long-run share of time a churning node is online (where a node starts) */
    double onlineProbability() {
        double up = uptime.mean();
        return Double.isInfinite(up) ? 1 : up / (up + downtime.mean());
    }
}
