package org.peerlab.protocol.transfer;

import java.nio.charset.StandardCharsets;

import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.AeadException;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;
import org.peerlab.protocol.handshake.Handshake;
import org.peerlab.protocol.handshake.HandshakeStep;
import org.peerlab.protocol.handshake.SessionKeys;
import org.peerlab.protocol.wire.ErrorMessage;
import org.peerlab.protocol.wire.Message;
import org.peerlab.protocol.wire.MessageType;
import org.peerlab.protocol.wire.WireReader;
import org.peerlab.protocol.wire.WireWriter;

/**
 * What both transfer sides share: the handshake, sealed records, identities and failure
 * handling. A sealed message is {@code version | type | header | AEAD(plaintext)} with nonce =
 * the direction's message counter (big-endian, left-padded with zeros to the AEAD's nonce
 * length) and associated data = {@code transcript hash || version | type | header}. Not
 * thread-safe: feed one session from one thread at a time.
 */
public abstract sealed class TransferSession permits SendSession, ReceiveSession {

    /** Label the identity signature covers, followed by the role letter and the transcript hash. */
    static final String IDENTITY_LABEL = "peerlab/1 identity ";

    /** Session states; subclasses move through the transfer ones. */
    protected enum State { NEW, HANDSHAKE, AWAIT_IDENTITY, OFFER, DECIDE, TRANSFER, CLOSING, DONE, FAILED }

    protected final Role role;
    protected final TransferConfig config;
    protected final TransferListener listener;
    protected State state = State.NEW;
    private final Handshake handshake;
    private SessionKeys keys;
    private AeadCipher sealer;
    private AeadCipher opener;
    private long sendCounter;
    private long receiveCounter;
    private byte[] nonce;
    private PeerIdentity peer;
    private boolean identitySent;

    TransferSession(Role role, TransferConfig config, TransferListener listener) {
        this.role = role;
        this.config = config;
        this.listener = listener;
        this.handshake = new Handshake(role, config.handshake());
    }

    /** Starts the session (the initiator sends its HELLO). */
    public final void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("session already started");
        }
        state = State.HANDSHAKE;
        handle(handshake.start());
    }

    /** Feeds one message from the peer. Ignored once the session is over. */
    public final void onMessage(byte[] wire) {
        if (state == State.DONE || state == State.FAILED) {
            return;
        }
        if (state == State.NEW) {
            throw new IllegalStateException("start the session first");
        }
        if (state == State.HANDSHAKE) {
            handle(handshake.onMessage(wire));
            return;
        }
        try {
            MessageType type = Message.peekType(wire);
            if (type == MessageType.ERROR) {
                fail(ErrorMessage.decode(Message.decode(wire).payload()), false);
                return;
            }
            if (type == MessageType.IDENTITY && state == State.AWAIT_IDENTITY) {
                identity(open(wire, 0, "IDENTITY"));
                return;
            }
            received(type, wire);
        } catch (ProtocolException e) {
            fail(e, true);
        }
    }

    /** The connection ended before the session did. */
    public final void connectionLost(String why) {
        if (state != State.DONE && state != State.FAILED) {
            fail(new ProtocolException(Reason.CONNECTION_LOST, "connection lost " + describeState() + ": " + why), false);
        }
    }

    /** Ends the session at this side's request (for example a user's cancel); the peer is told. */
    public final void abort(String why) {
        if (state != State.DONE && state != State.FAILED) {
            fail(new ProtocolException(Reason.LOCAL_ERROR, why), true);
        }
    }

    /** @return whether the session has ended, either way */
    public final boolean isOver() {
        return state == State.DONE || state == State.FAILED;
    }

    /** @return the peer's proven identity, once authenticated, else null */
    public final PeerIdentity peer() {
        return peer;
    }

    private void handle(HandshakeStep step) {
        step.send().forEach(listener::send);
        if (step.failure() != null) {
            state = State.FAILED;
            listener.failed(step.failure());
        } else if (step.keys() != null) {
            keys = step.keys();
            sealer = keys.aead().newCipher(keys.sendKey());
            opener = keys.aead().newCipher(keys.receiveKey());
            nonce = new byte[keys.aead().nonceLength()];
            keys.close();
            state = State.AWAIT_IDENTITY;
            sendIdentity();
        }
    }

    private void sendIdentity() {
        SignatureScheme scheme = config.handshake().registry().family(SignatureScheme.FAMILY).require(config.identityScheme(), SignatureScheme.class);
        byte[] signature = scheme.sign(config.identityKey().privateKey(), identityMessage(role));
        byte[] plain = new WireWriter().text(config.identityScheme()).bytes16(config.identityKey().publicKey()).bytes16(signature).toByteArray();
        listener.send(seal(MessageType.IDENTITY, new byte[0], plain));
        identitySent = true;
    }

    private byte[] identityMessage(Role signer) {
        byte[] label = (IDENTITY_LABEL + (signer == Role.INITIATOR ? "I" : "R")).getBytes(StandardCharsets.US_ASCII);
        byte[] th = keys.transcriptHash();
        byte[] m = new byte[label.length + th.length];
        System.arraycopy(label, 0, m, 0, label.length);
        System.arraycopy(th, 0, m, label.length, th.length);
        return m;
    }

    private void identity(byte[] plain) throws ProtocolException {
        WireReader r = new WireReader(plain, "IDENTITY");
        String schemeName = r.text("scheme", 64);
        byte[] publicKey = r.bytes16("public key", 4096);
        byte[] signature = r.bytes16("signature", 8192);
        r.end();
        SignatureScheme scheme = config.handshake().registry().family(SignatureScheme.FAMILY).find(schemeName)
                .map(s -> (SignatureScheme) s.service()).orElseThrow(() -> new ProtocolException(Reason.NO_COMMON_STRATEGY,
                        "the peer's identity uses signature scheme '" + schemeName + "', which is not installed here"));
        Role peerRole = role == Role.INITIATOR ? Role.RESPONDER : Role.INITIATOR;
        if (!scheme.verify(publicKey, identityMessage(peerRole), signature)) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED, "the peer's identity signature does not verify");
        }
        PeerIdentity proven = new PeerIdentity(schemeName, publicKey);
        config.peerCheck().check(proven, keys.authenticated());
        peer = proven;
        listener.authenticated(keys, proven);
        authenticated();
    }

    /** The peer is authenticated: the transfer begins. */
    protected abstract void authenticated() throws ProtocolException;

    /** A message for the transfer states (never ERROR, never the handshake's). */
    protected abstract void received(MessageType type, byte[] wire) throws ProtocolException;

    /** @return "while ..." for error texts */
    protected abstract String describeState();

    /** Called once when the session fails, before the listener hears of it. */
    protected void onFailure() {
    }

    /** Sends a sealed message. */
    protected final void sendSealed(MessageType type, byte[] header, byte[] plaintext) {
        listener.send(seal(type, header, plaintext));
    }

    protected final byte[] seal(MessageType type, byte[] header, byte[] plaintext) {
        return seal(type, header, plaintext, plaintext.length);
    }

    /** Seals the first {@code length} bytes of {@code plaintext}, straight into the message. */
    protected final byte[] seal(MessageType type, byte[] header, byte[] plaintext, int length) {
        byte[] wire = new byte[2 + header.length + length + keys.aead().tagLength()];
        wire[0] = Message.VERSION;
        wire[1] = (byte) type.code();
        System.arraycopy(header, 0, wire, 2, header.length);
        sealer.seal(nextNonce(sendCounter++), aad(type, header, 0, header.length), plaintext, 0, length, wire, 2 + header.length);
        return wire;
    }

    /**
     * Opens a sealed message whose clear header is {@code headerLength} bytes after the type byte.
     *
     * @throws ProtocolException INTEGRITY_FAILED when it does not authenticate (changed, replayed, reordered or foreign)
     */
    protected final byte[] open(byte[] wire, int headerLength, String what) throws ProtocolException {
        int tag = keys.aead().tagLength();
        if (wire.length < 2 + headerLength + tag) {
            throw new ProtocolException(Reason.MALFORMED, what + ": " + wire.length + " bytes cannot hold its header and tag");
        }
        MessageType type = MessageType.of(wire[1] & 0xff);
        try {
            return opener.open(nextNonce(receiveCounter++), aad(type, wire, 2, headerLength), wire, 2 + headerLength, wire.length - 2 - headerLength);
        } catch (AeadException e) {
            throw new ProtocolException(Reason.INTEGRITY_FAILED, what + " message " + (receiveCounter - 1)
                    + " does not authenticate: it was changed, replayed or reordered in transit");
        }
    }

    private byte[] aad(MessageType type, byte[] header, int offset, int length) {
        byte[] th = keys.transcriptHash();
        byte[] aad = new byte[th.length + 2 + length];
        System.arraycopy(th, 0, aad, 0, th.length);
        aad[th.length] = Message.VERSION;
        aad[th.length + 1] = (byte) type.code();
        System.arraycopy(header, offset, aad, th.length + 2, length);
        return aad;
    }

    private byte[] nextNonce(long counter) {
        if (counter < 0) {
            throw new IllegalStateException("message counter exhausted");
        }
        java.util.Arrays.fill(nonce, (byte) 0);
        for (int i = 0; i < 8 && i < nonce.length; i++) {
            nonce[nonce.length - 1 - i] = (byte) (counter >>> 8 * i);
        }
        return nonce.clone();
    }

    protected final ProtocolException unexpected(MessageType type) {
        return new ProtocolException(Reason.UNEXPECTED_MESSAGE, "unexpected " + type + " " + describeState());
    }

    /** Ends the session with a failure; tells the peer if {@code tellPeer}. */
    protected final void fail(ProtocolException e, boolean tellPeer) {
        if (state == State.DONE || state == State.FAILED) {
            return;
        }
        state = State.FAILED;
        if (tellPeer) {
            listener.send(ErrorMessage.encode(e));
        }
        closeCiphers();
        onFailure();
        listener.failed(e);
    }

    /** Ends the session successfully. */
    protected final void finish() {
        state = State.DONE;
        closeCiphers();
        listener.finished();
    }

    private void closeCiphers() {
        if (sealer != null) {
            sealer.close();
            opener.close();
        }
    }

    /** @return whether this side already sent its IDENTITY */
    protected final boolean identitySent() {
        return identitySent;
    }
}
