package org.peerlab.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.KeyExchange;
import org.peerlab.crypto.api.KeyExchangeException;
import org.peerlab.crypto.api.KeyExchangeSession;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.crypto.api.Pake;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;

/** Benchmark cases for the crypto families, built from strategy services. */
final class CryptoCases {

    static final String BASELINE = "jdk-raw-aes-gcm";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] AAD = "peerlab bench ad".getBytes(StandardCharsets.UTF_8);

    private CryptoCases() {
    }

    static String size(int bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + "MiB" : (bytes >> 10) + "KiB";
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Nonces from a counter, as PeerLab's protocols use them: never repeated under one key. */
    private static final class Counter {
        private long next;

        byte[] nonce() {
            return ByteBuffer.allocate(12).putInt(0).putLong(next++).array();
        }
    }

    static BenchCase seal(Aead aead, int chunk) {
        AeadCipher cipher = aead.newCipher(Secret.adopt(random(aead.keyLength())));
        byte[] plain = random(chunk);
        Counter counter = new Counter();
        return new BenchCase(Aead.FAMILY, aead.descriptor().name(), "seal", "chunk=" + size(chunk), "MB/s", chunk / 1e6,
                () -> cipher.seal(counter.nonce(), AAD, plain));
    }

    /** The JDK cipher called directly, as the strategy calls it: the yardstick for the API's cost. */
    static BenchCase rawJdkAesGcm(int chunk) {
        SecretKeySpec key = new SecretKeySpec(random(32), "AES");
        byte[] plain = random(chunk);
        Counter counter = new Counter();
        Cipher cipher;
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no AES/GCM/NoPadding", e);
        }
        return new BenchCase(Aead.FAMILY, BASELINE, "seal", "chunk=" + size(chunk), "MB/s", chunk / 1e6, () -> {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, counter.nonce()));
                cipher.updateAAD(AAD);
                cipher.doFinal(plain);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static BenchCase handshake(KeyExchange kx) {
        Parameters p = kx.descriptor().defaults();
        return new BenchCase(KeyExchange.FAMILY, kx.descriptor().name(), "handshake", "both sides", "handshakes/s", 1,
                () -> run(kx.newSession(Role.INITIATOR, p), kx.newSession(Role.RESPONDER, p)));
    }

    static BenchCase handshake(Pake pake) {
        Parameters p = pake.descriptor().defaults();
        byte[] code = "7-copper-lantern".getBytes(StandardCharsets.UTF_8);
        return new BenchCase(Pake.FAMILY, pake.descriptor().name(), "handshake", "both sides, " + p.asMap(), "handshakes/s", 1,
                () -> run(pake.newSession(Role.INITIATOR, Secret.copyOf(code), p), pake.newSession(Role.RESPONDER, Secret.copyOf(code), p)));
    }

    /** Relays messages between two fresh sessions until both are complete. */
    static void run(KeyExchangeSession a, KeyExchangeSession b) {
        try (a; b) {
            b.start();
            Optional<byte[]> next = a.start();
            KeyExchangeSession receiver = b;
            while (next.isPresent()) {
                next = receiver.receive(next.get());
                receiver = receiver == b ? a : b;
            }
            if (!a.isComplete() || !b.isComplete() || !a.sharedSecret().sameAs(b.sharedSecret())) {
                throw new IllegalStateException(a.role() + " and " + b.role() + " did not agree");
            }
        } catch (KeyExchangeException e) {
            throw new IllegalStateException("handshake failed during the benchmark: " + e.getMessage(), e);
        }
    }

    static BenchCase derive(Kdf kdf) {
        Parameters p = kdf.descriptor().defaults();
        Secret input = Secret.copyOf("correct horse battery staple".getBytes(StandardCharsets.UTF_8));
        byte[] salt = random(16);
        byte[] info = "peerlab bench".getBytes(StandardCharsets.UTF_8);
        return new BenchCase(Kdf.FAMILY, kdf.descriptor().name(), "derive", "32 bytes, " + p.asMap(), "ms/derivation", 1,
                () -> kdf.derive(input, salt, info, 32, p).destroy());
    }

    static List<BenchCase> signatures(SignatureScheme scheme) {
        SigningKeyPair pair = scheme.generateKeyPair();
        byte[] message = random(256);
        byte[] signature = scheme.sign(pair.privateKey(), message);
        List<BenchCase> cases = new ArrayList<>();
        String name = scheme.descriptor().name();
        cases.add(new BenchCase(SignatureScheme.FAMILY, name, "sign", "256-byte message", "ops/s", 1,
                () -> scheme.sign(pair.privateKey(), message)));
        cases.add(new BenchCase(SignatureScheme.FAMILY, name, "verify", "256-byte message", "ops/s", 1, () -> {
            if (!scheme.verify(pair.publicKey(), message, signature)) {
                throw new IllegalStateException(name + " rejected its own signature during the benchmark");
            }
        }));
        return cases;
    }
}
