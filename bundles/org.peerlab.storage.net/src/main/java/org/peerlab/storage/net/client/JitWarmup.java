package org.peerlab.storage.net.client;

import java.security.SecureRandom;

import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.AeadException;
import org.peerlab.crypto.api.Secret;
import org.peerlab.storage.client.PieceHashes;

/**
 * Gets the JIT to compile the AEAD and SHA-256 with their CPU intrinsics before bulk data flows.
 * A put or get makes one AEAD call per segment (8 MiB by default), far too few for C2 to compile
 * the calling code early: measured on this machine kind, a 256 MiB put sealed and hashed mostly in
 * the interpreter's loops. Many small calls on a background thread while the coordinator plans
 * trigger those compilations within about a second. Uses a throw-away key, never a file's.
 */
final class JitWarmup {

    private JitWarmup() {
    }

    /** Starts warming seal, open and SHA-256 on a low-priority daemon thread. */
    static Thread start(Aead aead) {
        Thread t = new Thread(() -> run(aead, 20_000), "peerlab-storage-jit-warmup");
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
        byte[] sealed = new byte[data.length + aead.tagLength()];
        byte[] aad = new byte[49];
        var sha = PieceHashes.sha256();
        try (AeadCipher cipher = aead.newCipher(Secret.adopt(key))) {
            for (int i = 0; i < rounds; i++) {
                nonce[nonce.length - 1] = (byte) i;
                nonce[nonce.length - 2] = (byte) (i >>> 8);
                cipher.seal(nonce, aad, data, 0, data.length, sealed, 0);
                cipher.open(nonce, aad, sealed);
                sha.update(sealed, 0, sealed.length);
                sha.digest();
            }
        } catch (AeadException | RuntimeException e) {
            // only a warm-up: real use reports real problems
        }
    }
}
