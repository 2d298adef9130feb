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
 * the calling code early: measured on this machine kind (JDK 25), a 256 MiB put sealed and hashed
 * mostly in the interpreter's loops. Many small calls on a background thread while the
 * coordinator answers trigger those compilations. Every 200th call is larger than 2 MiB: the
 * JDK's AES-GCM takes another branch for inputs above 1 MiB, and code compiled from small calls
 * alone falls back to the interpreter on the first segment (measured: 8 MiB seals at ~350 MB/s
 * after a warm-up of small calls only, 2-4 GB/s after this one). Costs about one second of a
 * low-priority thread, so it runs only for files of at least {@value #WORTH_BYTES} bytes. Uses a
 * throw-away key, never a file's.
 */
final class JitWarmup {

    /** Files smaller than this are done before a warm-up would pay off. */
    static final long WORTH_BYTES = 64L << 20;

    private JitWarmup() {
    }

    /** Starts warming seal, open and SHA-256 on a low-priority daemon thread if {@code size} is worth it. */
    static void startFor(Aead aead, long size) {
        if (size < WORTH_BYTES) {
            return;
        }
        Thread t = new Thread(() -> run(aead, 20_000), "peerlab-storage-jit-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static void run(Aead aead, int rounds) {
        byte[] key = new byte[aead.keyLength()];
        new SecureRandom().nextBytes(key);
        byte[] nonce = new byte[aead.nonceLength()];
        byte[] small = new byte[2048];
        byte[] large = new byte[(2 << 20) + 4096];
        byte[] sealed = new byte[large.length + aead.tagLength()];
        byte[] aad = new byte[49];
        var sha = PieceHashes.sha256();
        try (AeadCipher cipher = aead.newCipher(Secret.adopt(key))) {
            for (int i = 0; i < rounds; i++) {
                byte[] data = i % 200 == 0 ? large : small;
                nonce[nonce.length - 1] = (byte) i;
                nonce[nonce.length - 2] = (byte) (i >>> 8);
                int n = cipher.seal(nonce, aad, data, 0, data.length, sealed, 0);
                cipher.open(nonce, aad, sealed, 0, n);
                sha.update(sealed, 0, Math.min(n, 4096));
                sha.digest();
            }
        } catch (AeadException | RuntimeException e) {
            // only a warm-up: real use reports real problems
        }
    }
}
