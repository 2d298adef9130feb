package org.peerlab.protocol.transfer;

import org.peerlab.protocol.ProtocolException;

/**
 * Decides whether the peer's proven identity is acceptable. The peer has proven it holds the
 * identity's private key (a signature over the handshake transcript); the check decides whether
 * that identity is the one this side expects.
 */
@FunctionalInterface
public interface PeerCheck {

    /**
     * @param peer           the identity the peer proved
     * @param codeVerified   whether the handshake ran a PAKE with the pairing code
     * @throws ProtocolException AUTHENTICATION_FAILED when the peer is not acceptable
     */
    void check(PeerIdentity peer, boolean codeVerified) throws ProtocolException;

    /** Accepts a peer only when the pairing code authenticated the session. */
    static PeerCheck codeRequired() {
        return (peer, code) -> {
            if (!code) {
                throw new ProtocolException(ProtocolException.Reason.AUTHENTICATION_FAILED,
                        "the session is not authenticated: no pairing code was used and " + peer.peerId() + " is not a paired device");
            }
        };
    }

    /** Accepts exactly the identity with this fingerprint (from a QR code or a pairing record). */
    static PeerCheck fingerprint(byte[] expected) {
        byte[] copy = expected.clone();
        return (peer, code) -> {
            if (!java.security.MessageDigest.isEqual(copy, peer.fingerprint())) {
                throw new ProtocolException(ProtocolException.Reason.AUTHENTICATION_FAILED, "the peer proved identity " + peer
                        + ", not the expected one (fingerprint " + PeerIdentity.base32(copy).substring(0, 16) + "...)");
            }
        };
    }
}
