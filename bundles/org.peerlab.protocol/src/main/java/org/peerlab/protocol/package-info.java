/**
 * PeerLab's secure transfer protocol as sans-I/O state machines: they take events (bytes
 * received, user decisions) and return actions (bytes to send, results); they never open
 * sockets, start threads, sleep or read the clock. Adapters drive them over any transport.
 */
package org.peerlab.protocol;
