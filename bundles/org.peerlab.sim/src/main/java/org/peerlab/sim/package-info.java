/**
 * The discrete-event core: a {@link org.peerlab.sim.Simulator} owns its virtual clock and future
 * event list, {@link org.peerlab.sim.RandomStreams} derives named random streams from one
 * experiment seed and the replication number, and {@link org.peerlab.sim.Metrics} is where
 * simulated components publish what they measure. Nothing here is static, reads the wall clock
 * or starts a thread; one simulator is driven by one thread at a time.
 */
package org.peerlab.sim;
