package org.peerlab.redundancy.api;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;

/** A redundancy strategy (family {@value #FAMILY}): replication, Reed-Solomon, ... */
public interface RedundancyScheme extends Strategy {

    String FAMILY = "redundancy";

    /**
     * @param parameters values bound by this strategy's descriptor (for example k and n)
     * @return a codec configured with them; codecs are immutable and thread-safe
     */
    ErasureCodec newCodec(Parameters parameters);
}
