package org.peerlab.crypto.jdk.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Optional;

import javax.crypto.KeyAgreement;

import org.peerlab.crypto.api.KeyExchangeException;
import org.peerlab.crypto.api.KeyExchangeSession;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.Secret;

/** One X25519 exchange; states: NEW → STARTED → COMPLETE (or FAILED / CLOSED). */
final class X25519Session implements KeyExchangeSession {

    private enum State { NEW, STARTED, COMPLETE, FAILED, CLOSED }

    private static final int SHARE_LENGTH = 32;

    private final Role role;
    private final Transcript transcript = new Transcript();
    private State state = State.NEW;
    private KeyPair keyPair;
    private Secret secret;

    X25519Session(Role role) {
        this.role = role;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public Optional<byte[]> start() {
        require(State.NEW, "start");
        try {
            keyPair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no X25519", e);
        }
        state = State.STARTED;
        if (role == Role.INITIATOR) {
            byte[] share = encode((XECPublicKey) keyPair.getPublic());
            transcript.append(share);
            return Optional.of(share);
        }
        return Optional.empty();
    }

    @Override
    public Optional<byte[]> receive(byte[] message) throws KeyExchangeException {
        require(State.STARTED, "receive");
        if (message.length != SHARE_LENGTH) {
            state = State.FAILED;
            throw new KeyExchangeException("x25519 share must be 32 bytes, got " + message.length);
        }
        byte[] ownShare = encode((XECPublicKey) keyPair.getPublic());
        if (role == Role.RESPONDER) {
            transcript.append(message);
            transcript.append(ownShare);
        } else {
            transcript.append(message);
        }
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("X25519");
            agreement.init(keyPair.getPrivate());
            agreement.doPhase(decode(message), true);
            secret = Secret.adopt(agreement.generateSecret());
        } catch (GeneralSecurityException e) {
            // The JDK rejects shares of small order, whose shared secret would be all zeros.
            state = State.FAILED;
            throw new KeyExchangeException("x25519 share rejected: " + e.getMessage(), e);
        }
        state = State.COMPLETE;
        forgetPrivateKey();
        return role == Role.RESPONDER ? Optional.of(ownShare) : Optional.empty();
    }

    @Override
    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    @Override
    public Secret sharedSecret() {
        require(State.COMPLETE, "sharedSecret");
        return secret;
    }

    @Override
    public byte[] transcript() {
        return transcript.toByteArray();
    }

    @Override
    public void close() {
        if (secret != null) {
            secret.destroy();
        }
        forgetPrivateKey();
        state = State.CLOSED;
    }

    private void forgetPrivateKey() {
        // The JDK's XEC private key offers no destroy(); dropping the reference is all we can do.
        keyPair = keyPair == null ? null : new KeyPair(keyPair.getPublic(), null);
    }

    private void require(State expected, String operation) {
        if (state != expected) {
            throw new IllegalStateException("x25519 session: cannot " + operation + " in state " + state);
        }
    }

    /** RFC 7748 encoding: the u-coordinate, 32 bytes little-endian. */
    static byte[] encode(XECPublicKey key) {
        byte[] bigEndian = key.getU().toByteArray();
        byte[] out = new byte[SHARE_LENGTH];
        for (int i = 0; i < bigEndian.length && i < SHARE_LENGTH; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    static PublicKey decode(byte[] share) throws GeneralSecurityException {
        byte[] bigEndian = new byte[SHARE_LENGTH];
        for (int i = 0; i < SHARE_LENGTH; i++) {
            bigEndian[i] = share[SHARE_LENGTH - 1 - i];
        }
        bigEndian[0] &= 0x7f; // RFC 7748 section 5: ignore the most significant bit
        BigInteger u = new BigInteger(1, bigEndian);
        return KeyFactory.getInstance("X25519").generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
    }
}
