/**
 * The rendezvous service, sans-I/O: peers announce a nameplate (the number of a pairing code,
 * or a paired device's peer id) with candidate addresses, look others up, and join rooms where
 * members learn of each other and relay small signaling blobs. The server never sees a code's
 * words, keys or file bytes. {@link org.peerlab.protocol.rendezvous.RendezvousCore} is the
 * server's state machine; {@link org.peerlab.protocol.rendezvous.Rv} the message codec.
 */
package org.peerlab.protocol.rendezvous;
