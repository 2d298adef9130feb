package org.peerlab.sim.net;

/**
 * The outcome of one simulated transfer. Times are nanoseconds of virtual time since the start
 * of the run (-1 when the moment never came); rates are in Mbit/s (10^6 bits per second) of file
 * content.
 *
 * @param label              the flow's name, e.g. {@code flow-0}
 * @param fileBytes          size of the file offered
 * @param deliveredBytes     file bytes the receiver verified and stored
 * @param completed          whether the receiver verified the whole file and the session finished
 * @param verified           whether the received content hashes to the sender's (with payload
 *                           elision: whether every piece matched its, elided, hash)
 * @param payloadElided      <b>true when chunk contents were not really encrypted or hashed</b>
 *                           (sizes on the wire are nevertheless exact)
 * @param startNanos         when the receiver began connecting
 * @param authenticatedNanos when the receiver had checked the sender's identity (handshake done)
 * @param dataStartNanos     when the sender began sending pieces (after the receiver's ACCEPT)
 * @param completionNanos    when the receiver had the whole file and the sender's DONE
 * @param goodputMbps        {@code fileBytes * 8 / (completion - dataStart)} in Mbit/s; for an
 *                           incomplete flow, delivered bytes over the time until the last delivery
 * @param sharedGoodputMbps  goodput while every flow of the study was sending (equal to
 *                           {@code goodputMbps} for a lone flow): the fair-share measure
 * @param wireBytes          bytes the sender put on the wire (packet headers, framing, protocol
 *                           messages, retransmissions): all of it crosses the bottleneck unless dropped
 * @param framingEfficiency  {@code fileBytes / wireBytes}
 * @param retransmissions    segments the sender sent again
 * @param timeouts           retransmission timeouts at the sender
 * @param failure            why the transfer failed, or null
 */
public record FlowResult(String label, long fileBytes, long deliveredBytes, boolean completed, boolean verified, boolean payloadElided,
        long startNanos, long authenticatedNanos, long dataStartNanos, long completionNanos, double goodputMbps, double sharedGoodputMbps,
        long wireBytes, double framingEfficiency, long retransmissions, long timeouts, String failure) {

    /** @return a copy with {@code sharedGoodputMbps} replaced */
    public FlowResult withSharedGoodput(double mbps) {
        return new FlowResult(label, fileBytes, deliveredBytes, completed, verified, payloadElided, startNanos, authenticatedNanos, dataStartNanos,
                completionNanos, goodputMbps, mbps, wireBytes, framingEfficiency, retransmissions, timeouts, failure);
    }

    /** @return the handshake's duration (connect to authenticated) in milliseconds, NaN if it never completed */
    public double handshakeMs() {
        return authenticatedNanos < 0 ? Double.NaN : (authenticatedNanos - startNanos) / 1e6;
    }
}
