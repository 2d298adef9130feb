package org.peerlab.sim.net;

import java.util.List;

import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.protocol.handshake.HandshakeConfig;
import org.peerlab.protocol.transfer.PeerCheck;
import org.peerlab.protocol.transfer.PeerIdentity;
import org.peerlab.protocol.transfer.TransferConfig;

/**
 * The two sides' settings for simulated transfers.
 *
 * @param sender   the sending side's (handshake responder)
 * @param receiver the receiving side's (handshake initiator)
 */
public record PeerConfigs(TransferConfig sender, TransferConfig receiver) {

    /** Identity scheme of simulated peers. */
    public static final String IDENTITY_SCHEME = "ed25519";
    /** KDF of simulated handshakes. */
    public static final String KDF = "hkdf-sha256";

    /**
     * Two fresh {@value #IDENTITY_SCHEME} identities that pin each other's fingerprint (as after
     * scanning a QR code), offering exactly one key exchange, one AEAD and {@value #KDF}. Every
     * handshake message then has a fixed size, so simulated timings do not depend on the random
     * keys.
     *
     * @throws org.peerlab.core.strategy.UnknownStrategyException if a strategy is not in the registry
     */
    public static PeerConfigs pinned(StrategyRegistry registry, String keyExchange, String cipher) {
        SignatureScheme scheme = registry.family(SignatureScheme.FAMILY).require(IDENTITY_SCHEME, SignatureScheme.class);
        SigningKeyPair senderKey = scheme.generateKeyPair();
        SigningKeyPair receiverKey = scheme.generateKeyPair();
        HandshakeConfig handshake = new HandshakeConfig(registry, List.of(keyExchange), List.of(cipher), List.of(KDF), null, null);
        byte[] senderPrint = new PeerIdentity(IDENTITY_SCHEME, senderKey.publicKey()).fingerprint();
        byte[] receiverPrint = new PeerIdentity(IDENTITY_SCHEME, receiverKey.publicKey()).fingerprint();
        return new PeerConfigs(new TransferConfig(handshake, IDENTITY_SCHEME, senderKey, PeerCheck.fingerprint(receiverPrint)),
                new TransferConfig(handshake, IDENTITY_SCHEME, receiverKey, PeerCheck.fingerprint(senderPrint)));
    }

    /**
     * Two fresh identities authenticated by a pairing code run through {@code pake} (for example
     * {@code jpake}) in place of the key exchange. PAKE messages carry numbers of varying length,
     * so handshake timings vary by a few bytes' serialization between runs.
     */
    public static PeerConfigs paired(StrategyRegistry registry, String pake, String code, String keyExchange, String cipher) {
        SignatureScheme scheme = registry.family(SignatureScheme.FAMILY).require(IDENTITY_SCHEME, SignatureScheme.class);
        byte[] password = code.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HandshakeConfig senderSide = new HandshakeConfig(registry, List.of(keyExchange), List.of(cipher), List.of(KDF), pake, Secret.copyOf(password));
        HandshakeConfig receiverSide = new HandshakeConfig(registry, List.of(keyExchange), List.of(cipher), List.of(KDF), pake, Secret.copyOf(password));
        return new PeerConfigs(new TransferConfig(senderSide, IDENTITY_SCHEME, scheme.generateKeyPair(), PeerCheck.codeRequired()),
                new TransferConfig(receiverSide, IDENTITY_SCHEME, scheme.generateKeyPair(), PeerCheck.codeRequired()));
    }
}
