package org.peerlab.protocol.handshake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.KeyExchange;
import org.peerlab.crypto.api.KeyExchangeException;
import org.peerlab.crypto.api.KeyExchangeSession;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.crypto.api.Pake;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.Secret;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;
import org.peerlab.protocol.wire.ErrorMessage;
import org.peerlab.protocol.wire.Message;
import org.peerlab.protocol.wire.MessageType;
import org.peerlab.protocol.wire.WireReader;

/**
 * One side of the handshake, sans-I/O. Call {@link #start()} once, then {@link #onMessage} with
 * every message from the peer; send what each step says, until a step carries keys or a failure.
 * Message order: I→R HELLO; R→I HELLO; KEY_EXCHANGE messages as the key exchange needs them;
 * each side sends CONFIRM as soon as its key exchange completes; a side completes when it has
 * checked the peer's CONFIRM. Not thread-safe.
 */
public final class Handshake {

    static final String LABEL = "peerlab/1 ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum State { NEW, AWAIT_HELLO, KEY_EXCHANGE, AWAIT_CONFIRM, DONE, FAILED }

    private final Role role;
    private final HandshakeConfig config;
    private final MessageDigest transcript;
    private State state = State.NEW;
    private Hello own;
    private String kxName;
    private Aead aead;
    private Kdf kdf;
    private KeyExchangeSession session;
    private byte[] transcriptHash;
    private Secret confirmSend;
    private Secret confirmReceive;
    private SessionKeys keys;

    public Handshake(Role role, HandshakeConfig config) {
        this.role = role;
        this.config = config;
        try {
            this.transcript = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** Begins: the initiator sends its HELLO, the responder waits for the initiator's. */
    public HandshakeStep start() {
        if (state != State.NEW) {
            throw new IllegalStateException("handshake already started");
        }
        byte[] nonce = new byte[Hello.NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        own = new Hello(nonce, config.keyExchanges(), config.aeads(), config.kdfs(), config.auth());
        state = State.AWAIT_HELLO;
        if (role == Role.INITIATOR) {
            return step(List.of(record(MessageType.HELLO, own.encode())));
        }
        return step(List.of());
    }

    /** Feeds one message from the peer (its wire form). */
    public HandshakeStep onMessage(byte[] wire) {
        if (state == State.NEW || state == State.DONE || state == State.FAILED) {
            throw new IllegalStateException("handshake cannot take messages in state " + state);
        }
        boolean fromPeer = false;
        try {
            Message m = Message.decode(wire);
            if (m.type() == MessageType.ERROR) {
                fromPeer = true;
                throw ErrorMessage.decode(m.payload());
            }
            return switch (state) {
                case AWAIT_HELLO -> hello(m, wire);
                case KEY_EXCHANGE -> keyExchange(m, wire);
                case AWAIT_CONFIRM -> confirm(m);
                default -> throw new IllegalStateException("unreachable: " + state);
            };
        } catch (ProtocolException e) {
            return fail(e, !fromPeer);
        }
    }

    private HandshakeStep hello(Message m, byte[] wire) throws ProtocolException {
        expect(m, MessageType.HELLO);
        Hello peer = Hello.decode(m.payload());
        List<byte[]> send = new ArrayList<>();
        Hello initiator = role == Role.INITIATOR ? own : peer;
        Hello responder = role == Role.INITIATOR ? peer : own;
        transcript.update(wire);
        if (role == Role.RESPONDER) {
            send.add(record(MessageType.HELLO, own.encode()));
        }
        if (!initiator.auth().equals(responder.auth())) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED, "the initiator authenticates with '" + initiator.auth()
                    + "', the responder with '" + responder.auth() + "': both must use the same (a pairing code on both sides, or none)");
        }
        aead = config.registry().family(Aead.FAMILY).require(choose("AEAD", initiator.aeads(), responder.aeads()), Aead.class);
        String kdfName = choose("KDF", initiator.kdfs(), responder.kdfs());
        kdf = config.registry().family(Kdf.FAMILY).require(kdfName, Kdf.class);
        if (config.pake() != null) {
            kxName = config.pake();
            Pake pake = config.registry().family(Pake.FAMILY).require(kxName, Pake.class);
            session = pake.newSession(role, config.code(), pake.descriptor().defaults());
        } else {
            kxName = choose("key exchange", initiator.keyExchanges(), responder.keyExchanges());
            KeyExchange kx = config.registry().family(KeyExchange.FAMILY).require(kxName, KeyExchange.class);
            session = kx.newSession(role, kx.descriptor().defaults());
        }
        state = State.KEY_EXCHANGE;
        session.start().ifPresent(first -> send.add(record(MessageType.KEY_EXCHANGE, first)));
        return step(send);
    }

    /** The first of the initiator's names that the responder also offers. */
    private static String choose(String what, List<String> initiator, List<String> responder) throws ProtocolException {
        for (String name : initiator) {
            if (responder.contains(name)) {
                return name;
            }
        }
        throw new ProtocolException(Reason.NO_COMMON_STRATEGY, "no common " + what + ": initiator offers " + initiator
                + ", responder offers " + responder);
    }

    private HandshakeStep keyExchange(Message m, byte[] wire) throws ProtocolException {
        expect(m, MessageType.KEY_EXCHANGE);
        transcript.update(wire);
        List<byte[]> send = new ArrayList<>();
        Optional<byte[]> reply;
        try {
            reply = session.receive(m.payload());
        } catch (KeyExchangeException e) {
            throw new ProtocolException(config.pake() != null ? Reason.AUTHENTICATION_FAILED : Reason.KEY_EXCHANGE_FAILED,
                    (config.pake() != null ? "pairing failed (wrong code?): " : "key exchange failed: ") + e.getMessage(), e);
        }
        reply.ifPresent(r -> send.add(record(MessageType.KEY_EXCHANGE, r)));
        if (session.isComplete()) {
            deriveKeys();
            send.add(record(MessageType.CONFIRM, mac(confirmSend, transcriptHash)));
            state = State.AWAIT_CONFIRM;
        }
        return step(send);
    }

    private void deriveKeys() {
        transcriptHash = transcript.digest();
        Secret secret = session.sharedSecret();
        int keyLength = aead.keyLength();
        Secret i2r = derive(secret, "key i2r", keyLength);
        Secret r2i = derive(secret, "key r2i", keyLength);
        Secret confirmI = derive(secret, "confirm i", 32);
        Secret confirmR = derive(secret, "confirm r", 32);
        Secret sasBytes = derive(secret, "sas", 4);
        boolean initiator = role == Role.INITIATOR;
        confirmSend = initiator ? confirmI : confirmR;
        confirmReceive = initiator ? confirmR : confirmI;
        byte[] s = sasBytes.bytes();
        long v = ((s[0] & 0xffL) << 24 | (s[1] & 0xff) << 16 | (s[2] & 0xff) << 8 | s[3] & 0xff) % 1_000_000;
        sasBytes.destroy();
        String sas = String.format("%03d %03d", v / 1000, v % 1000);
        keys = new SessionKeys(kxName, aead, kdf.descriptor().name(), initiator ? i2r : r2i, initiator ? r2i : i2r, transcriptHash.clone(), sas,
                config.pake() != null);
        session.close();
    }

    private Secret derive(Secret secret, String label, int length) {
        return kdf.derive(secret, transcriptHash, (LABEL + label).getBytes(StandardCharsets.US_ASCII), length, kdf.descriptor().defaults());
    }

    private HandshakeStep confirm(Message m) throws ProtocolException {
        expect(m, MessageType.CONFIRM);
        WireReader r = new WireReader(m.payload(), "CONFIRM");
        byte[] tag = r.fixed(32, "tag");
        r.end();
        if (!MessageDigest.isEqual(tag, mac(confirmReceive, transcriptHash))) {
            throw new ProtocolException(Reason.AUTHENTICATION_FAILED,
                    "key confirmation failed: the peer derived other keys (a changed message, a downgrade or a man in the middle)");
        }
        confirmSend.destroy();
        confirmReceive.destroy();
        state = State.DONE;
        return new HandshakeStep(List.of(), keys, null);
    }

    static byte[] mac(Secret key, byte[] data) {
        byte[] k = key.bytes();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(k, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no HmacSHA256", e);
        } finally {
            java.util.Arrays.fill(k, (byte) 0);
        }
    }

    private void expect(Message m, MessageType type) throws ProtocolException {
        if (m.type() != type) {
            throw new ProtocolException(Reason.UNEXPECTED_MESSAGE, "expected " + type + " in state " + state + ", got " + m.type());
        }
    }

    private HandshakeStep fail(ProtocolException e, boolean tellPeer) {
        state = State.FAILED;
        if (session != null) {
            session.close();
        }
        if (keys != null) {
            keys.close();
        }
        List<byte[]> send = tellPeer ? List.of(ErrorMessage.encode(e)) : List.of();
        return new HandshakeStep(send, null, e);
    }

    private byte[] record(MessageType type, byte[] payload) {
        byte[] wire = new Message(type, payload).encode();
        if (type == MessageType.HELLO || type == MessageType.KEY_EXCHANGE) {
            transcript.update(wire);
        }
        return wire;
    }

    private static HandshakeStep step(List<byte[]> send) {
        return new HandshakeStep(send, null, null);
    }

    /** @return whether the handshake has completed */
    public boolean isComplete() {
        return state == State.DONE;
    }
}
