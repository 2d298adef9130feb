package org.peerlab.protocol.transfer;

import java.util.Objects;

import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.protocol.handshake.HandshakeConfig;

/**
 * How one side of a transfer runs.
 *
 * @param handshake      strategies offered and the pairing code, if any
 * @param identityScheme signature scheme of this device's identity key (for example {@code ed25519})
 * @param identityKey    this device's identity key pair
 * @param peerCheck      which peer identities are acceptable
 */
public record TransferConfig(HandshakeConfig handshake, String identityScheme, SigningKeyPair identityKey, PeerCheck peerCheck) {

    public TransferConfig {
        Objects.requireNonNull(handshake, "handshake");
        Objects.requireNonNull(identityScheme, "identityScheme");
        Objects.requireNonNull(identityKey, "identityKey");
        Objects.requireNonNull(peerCheck, "peerCheck");
    }
}
