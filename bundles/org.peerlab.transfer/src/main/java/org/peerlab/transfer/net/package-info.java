/**
 * Drives transfer sessions over any {@link org.peerlab.transport.api.Transport}: frames in,
 * messages out, with backpressure, and byte counts for benchmarks.
 */
package org.peerlab.transfer.net;
