/**
 * The handshake: both sides announce the strategies they support, the initiator's preference
 * wins within the intersection, the key exchange (or the PAKE, when a pairing code is used)
 * runs inside KEY_EXCHANGE messages, one key per direction is derived from the shared secret
 * and the transcript hash, and CONFIRM messages prove both sides hold the same keys over the
 * same transcript, so that a downgrade or a man in the middle fails here.
 */
package org.peerlab.protocol.handshake;
