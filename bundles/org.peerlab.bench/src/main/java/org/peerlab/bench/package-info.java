/**
 * Micro-benchmarks, one of PeerLab's three experiment kinds: strategy primitives timed on this
 * machine with warm-up and repeated measurement, turned into a report.
 */
package org.peerlab.bench;
