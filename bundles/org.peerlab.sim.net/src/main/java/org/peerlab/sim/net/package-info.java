/**
 * The simulated network, on the virtual time of an {@link org.peerlab.sim.Simulator}.
 *
 * <ul>
 * <li><b>Packets</b>: {@link org.peerlab.sim.net.SimNetwork} holds {@link org.peerlab.sim.net.Host}s
 * and {@link org.peerlab.sim.net.Router}s joined by one-way {@link org.peerlab.sim.net.Link}s
 * (rate in bits/s, propagation and jitter in ms, random loss, a drop-tail queue in bytes); topology
 * helpers {@link org.peerlab.sim.net.Dumbbell} and {@link org.peerlab.sim.net.Star}.</li>
 * <li><b>Streams</b>: a simplified TCP (SACK, Reno congestion control, RFC 6298 timeouts,
 * delayed ACKs, keep-alive) carries the frames of {@link org.peerlab.sim.net.SimTransport}, the
 * {@code sim} transport strategy, so throughput, loss sensitivity and fairness come from the
 * model. Payload bytes are not copied into packets: a segment names a range of the sender's
 * stream, read by the receiver once the range arrived in order.</li>
 * <li><b>Transfers</b>: {@link org.peerlab.sim.net.SimTransfer} runs the real, unchanged secure
 * transfer protocol (handshake, encryption, Merkle verification) between two hosts;
 * {@link org.peerlab.sim.net.TransferStudy} runs a {@link org.peerlab.sim.net.TransferSetup} on a
 * dumbbell and returns a {@link org.peerlab.sim.net.StudyResult}.</li>
 * <li><b>Churn and faults</b>: {@link org.peerlab.sim.net.Churn} (arrivals, departures,
 * crash-recovery) and {@link org.peerlab.sim.net.LinkFaults}.</li>
 * </ul>
 *
 * Units: rates in bits per second, sizes in bytes, simulator times in nanoseconds; distributions
 * of link latency and jitter are in milliseconds, those of churn and faults in seconds (each
 * method says which). Nothing here is thread-safe: everything runs on the simulation thread.
 * Random draws come from named streams ({@code latency}, {@code jitter}, {@code loss},
 * {@code payload}, {@code start}, {@code churn}, {@code faults}).
 */
package org.peerlab.sim.net;
