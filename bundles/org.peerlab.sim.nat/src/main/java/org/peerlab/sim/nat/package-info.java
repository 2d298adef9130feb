/**
 * A UDP world on the discrete-event simulator, with NATs after RFC 4787 (mapping, filtering, port
 * allocation, timeouts, hairpinning), UDP-blocking firewalls, STUN servers with RFC 5780
 * discovery, TURN relays with a bandwidth cap, and the {@link org.peerlab.sim.nat.NatTraversal}
 * strategy family whose sans-I/O {@link org.peerlab.sim.nat.NatMachine}s are driven here on
 * virtual time by {@link org.peerlab.sim.nat.MachineDriver}. {@link org.peerlab.sim.nat.NatTraversalStudy}
 * runs populations of attempts for the experiment layer. Exported at version 0.1.0.
 */
package org.peerlab.sim.nat;
