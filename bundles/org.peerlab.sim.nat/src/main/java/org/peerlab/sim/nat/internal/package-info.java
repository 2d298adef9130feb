/**
 * The NAT traversal strategies ({@code direct}, {@code stun-punch}, {@code birthday-punch},
 * {@code turn-relay}, {@code ice}) as DS components, and their state machines. Not API: visible to
 * the test bundle only.
 */
package org.peerlab.sim.nat.internal;
