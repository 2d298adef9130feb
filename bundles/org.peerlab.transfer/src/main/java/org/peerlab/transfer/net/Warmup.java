package org.peerlab.transfer.net;

import java.security.MessageDigest;
import java.security.SecureRandom;

import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.AeadException;
import org.peerlab.crypto.api.Secret;
import org.peerlab.protocol.transfer.Merkle;

/**
 * Brings the JIT up to speed on the transfer's hot path before bulk data arrives. The JDK's AES-GCM
 * and SHA-256 reach their full speed only once C2 has compiled them with their CPU intrinsics;
 * a 1 GiB transfer in 256 KiB pieces makes too few calls for that to happen early (measured on
 * this machine kind: the first GiB of AES-GCM runs at about 420 MB/s cold and 3,000+ MB/s warm).
 * Many small seal/open/hash calls on a background thread, while the handshake waits on the
 * network, trigger those compilations in about half a second. Nothing here touches session keys.
 */
public final class Warmup {

    private Warmup() {
    }

    /** Starts warming {@code aead} (seal and open) and SHA-256 piece hashing on a daemon thread. */
    public static Thread start(Aead aead) {
        Thread t = new Thread(() -> run(aead, 20_000), "peerlab-jit-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    static void run(Aead aead, int rounds) {
        byte[] key = new byte[aead.keyLength()];
        new SecureRandom().nextBytes(key);
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
