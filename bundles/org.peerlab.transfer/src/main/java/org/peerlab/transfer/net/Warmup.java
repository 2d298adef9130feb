package org.peerlab.transfer.net;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;

import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.AeadException;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.protocol.handshake.Handshake;
import org.peerlab.protocol.handshake.HandshakeConfig;
import org.peerlab.protocol.handshake.HandshakeStep;
import org.peerlab.protocol.transfer.Merkle;

/**
 * Brings the JIT up to speed on the transfer's hot path before bulk data arrives. The JDK's AES-GCM
 * and SHA-256 reach their full speed only once C2 has compiled them with their CPU intrinsics;
 * a 1 GiB transfer in 256 KiB pieces makes too few calls for that to happen early (measured on
 * this machine kind: the first GiB of AES-GCM runs at about 420 MB/s cold and 3,000+ MB/s warm).
 * Many small seal/open/hash calls on a background thread, while the handshake waits on the
 * network, trigger those compilations in about half a second. Nothing here touches session keys.
 * A side that waits for its peer anyway (the sender) can also rehearse the handshake first: one
 * complete handshake between two in-memory parties with a throwaway code and a throwaway identity
 * key, so that the real one runs on loaded classes and compiled big-number arithmetic (measured on
 * this machine kind: the sender's share of a cold handshake is about 0.2 s).
 */
public final class Warmup {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Warmup() {
    }

    /**
     * Starts warming, on a daemon thread, the AEAD {@code config} prefers (seal and open) and
     * SHA-256 piece hashing; when {@code identity} is given, first rehearses one handshake with
     * the strategies {@code config} names (with a random code in place of its code, if it has one)
     * and a signature with a fresh key of {@code identity}.
     */
    public static Thread start(HandshakeConfig config, SignatureScheme identity) {
        Aead aead = config.registry().family(Aead.FAMILY).require(config.aeads().get(0), Aead.class);
        Thread t = new Thread(() -> {
            if (identity != null) {
                rehearse(config, identity);
            }
            run(aead, 20_000);
        }, "peerlab-jit-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /**
     * Runs one handshake between two in-memory parties with {@code config}'s strategies (a random
     * code in place of its code) and signs and verifies with a fresh {@code identity} key.
     *
     * @return whether the handshake completed on both sides
     */
    public static boolean rehearse(HandshakeConfig config, SignatureScheme identity) {
        try {
            byte[] code = new byte[12];
            RANDOM.nextBytes(code);
            HandshakeConfig throwaway = new HandshakeConfig(config.registry(), config.keyExchanges(), config.aeads(), config.kdfs(), config.pake(),
                    config.pake() == null ? null : Secret.copyOf(java.util.HexFormat.of().formatHex(code).getBytes(StandardCharsets.US_ASCII)));
            Handshake initiator = new Handshake(Role.INITIATOR, throwaway);
            Handshake responder = new Handshake(Role.RESPONDER, throwaway);
            Deque<byte[]> toResponder = new ArrayDeque<>();
            Deque<byte[]> toInitiator = new ArrayDeque<>();
            deliver(initiator.start(), toResponder);
            deliver(responder.start(), toInitiator);
            for (int i = 0; i < 64 && !(toResponder.isEmpty() && toInitiator.isEmpty()); i++) {
                if (!toResponder.isEmpty() && !responder.isComplete()) {
                    deliver(responder.onMessage(toResponder.poll()), toInitiator);
                }
                if (!toInitiator.isEmpty() && !initiator.isComplete()) {
                    deliver(initiator.onMessage(toInitiator.poll()), toResponder);
                }
            }
            SigningKeyPair key = identity.generateKeyPair();
            identity.verify(key.publicKey(), code, identity.sign(key.privateKey(), code));
            return initiator.isComplete() && responder.isComplete();
        } catch (RuntimeException e) {
            return false; // only a rehearsal: the real handshake reports real problems
        }
    }

    /** Queues what a step sends onto {@code to}; the keys of a completed step are dropped. */
    private static void deliver(HandshakeStep step, Deque<byte[]> to) {
        if (step.keys() != null) {
            step.keys().close();
        }
        to.addAll(step.send());
    }

    static void run(Aead aead, int rounds) {
        byte[] key = new byte[aead.keyLength()];
        RANDOM.nextBytes(key);
        byte[] nonce = new byte[aead.nonceLength()];
        byte[] data = new byte[2048];
        byte[] aad = new byte[45];
        MessageDigest digest = Merkle.sha256();
        try (AeadCipher cipher = aead.newCipher(Secret.adopt(key))) {
            for (int i = 0; i < rounds; i++) {
                nonce[nonce.length - 1] = (byte) i;
                nonce[nonce.length - 2] = (byte) (i >>> 8);
                nonce[nonce.length - 3] = (byte) (i >>> 16);
                byte[] sealed = cipher.seal(nonce, aad, data);
                cipher.open(nonce, aad, sealed);
                Merkle.leaf(digest, data, 0, data.length);
            }
        } catch (AeadException | RuntimeException e) {
            // only a warm-up: the real session reports real problems
        }
    }
}
