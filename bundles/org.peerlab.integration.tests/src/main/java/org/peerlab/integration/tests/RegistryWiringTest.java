package org.peerlab.integration.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.crypto.api.KeyExchange;
import org.peerlab.crypto.api.KeyExchangeSession;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.Secret;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.RedundancyScheme;

/** The strategies of the product's bundles reach the registry through DS and work end to end by name. */
class RegistryWiringTest {

    @Test
    void everyFamilyHasItsFirstStrategy() throws Exception {
        StrategyRegistry registry = OsgiSupport.service(StrategyRegistry.class);
        List<String> expected = List.of("aead/aes-256-gcm", "aead/chacha20-poly1305", "aead/aes-256-gcm-siv", "aead/aes-256-gcm-bc",
                "key-exchange/x25519", "key-exchange/ecdh-p256", "key-exchange/ffdhe2048", "key-exchange/x25519-mlkem768", "pake/jpake",
                "kdf/hkdf-sha256", "kdf/pbkdf2-sha256", "kdf/argon2id", "signature/ed25519", "signature/ecdsa-p256",
                "redundancy/replication", "redundancy/reed-solomon", "transport/memory");
        OsgiSupport.await("every strategy is registered",
                () -> registry.all().stream().map(s -> s.descriptor().key()).toList().containsAll(expected));
        List<String> keys = registry.all().stream().map(s -> s.descriptor().key()).toList();
        assertTrue(keys.containsAll(expected), keys.toString());
        RegisteredStrategy gcm = registry.family("aead").find("aes-256-gcm").orElseThrow();
        assertEquals("org.peerlab.crypto.jdk", gcm.providerBundle());
    }

    @Test
    void strategiesLookedUpByNameCooperate() throws Exception {
        StrategyRegistry registry = OsgiSupport.service(StrategyRegistry.class);
        OsgiSupport.await("five strategies are registered", () -> registry.all().size() >= 5);
        KeyExchange kx = registry.family(KeyExchange.FAMILY).require("x25519", KeyExchange.class);
        Kdf kdf = registry.family(Kdf.FAMILY).require("hkdf-sha256", Kdf.class);
        Aead aead = registry.family(Aead.FAMILY).require("aes-256-gcm", Aead.class);
        RedundancyScheme replication = registry.family(RedundancyScheme.FAMILY).require("replication", RedundancyScheme.class);

        KeyExchangeSession a = kx.newSession(Role.INITIATOR, kx.descriptor().defaults());
        KeyExchangeSession b = kx.newSession(Role.RESPONDER, kx.descriptor().defaults());
        b.start();
        a.receive(b.receive(a.start().orElseThrow()).orElseThrow());
        Secret keyA = kdf.derive(a.sharedSecret(), a.transcript(), "peerlab test".getBytes(), 32, kdf.descriptor().defaults());
        Secret keyB = kdf.derive(b.sharedSecret(), b.transcript(), "peerlab test".getBytes(), 32, kdf.descriptor().defaults());
        byte[] nonce = new byte[12];
        try (AeadCipher seal = aead.newCipher(keyA); AeadCipher open = aead.newCipher(keyB)) {
            ErasureCodec codec = replication.newCodec(replication.descriptor().defaults());
            byte[] sealed = seal.seal(nonce, new byte[0], "through the registry".getBytes());
            byte[] restored = codec.decode(codec.encode(sealed).subList(1, 2));
            assertArrayEquals("through the registry".getBytes(), open.open(nonce, new byte[0], restored));
        }
    }
}
