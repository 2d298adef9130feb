package org.peerlab.crypto.jdk.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import javax.crypto.KeyAgreement;

import org.junit.jupiter.api.Test;
import org.peerlab.crypto.api.KeyExchangeException;
import org.peerlab.crypto.api.KeyExchangeSession;
import org.peerlab.crypto.api.Role;

class X25519StrategyTest {

    private final X25519Strategy kx = new X25519Strategy();

    @Test
    void bothSidesAgreeOnSecretAndTranscript() throws Exception {
        try (KeyExchangeSession a = kx.newSession(Role.INITIATOR, kx.descriptor().defaults());
                KeyExchangeSession b = kx.newSession(Role.RESPONDER, kx.descriptor().defaults())) {
            byte[] first = a.start().orElseThrow();
            assertTrue(b.start().isEmpty());
            byte[] reply = b.receive(first).orElseThrow();
            assertTrue(b.isComplete());
            assertTrue(a.receive(reply).isEmpty());
            assertTrue(a.isComplete());
            assertTrue(a.sharedSecret().sameAs(b.sharedSecret()));
            assertEquals(32, a.sharedSecret().length());
            assertArrayEquals(a.transcript(), b.transcript());
            assertEquals(2 * (4 + 32), a.transcript().length);
        }
    }

    @Test
    void encodingMatchesRfc7748SharedSecret() throws Exception {
        // RFC 7748 section 6.1: Bob's public key with Alice's private key gives K.
        byte[] bobPublic = HexFormat.of().parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        var alicePrivate = java.security.KeyFactory.getInstance("X25519").generatePrivate(new java.security.spec.XECPrivateKeySpec(
                java.security.spec.NamedParameterSpec.X25519,
                HexFormat.of().parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")));
        KeyAgreement ka = KeyAgreement.getInstance("X25519");
        ka.init(alicePrivate);
        ka.doPhase(X25519Session.decode(bobPublic), true);
        assertEquals("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", HexFormat.of().formatHex(ka.generateSecret()));
    }

    @Test
    void malformedAndLowOrderSharesAreRejected() {
        KeyExchangeSession b = kx.newSession(Role.RESPONDER, kx.descriptor().defaults());
        b.start();
        assertThrows(KeyExchangeException.class, () -> b.receive(new byte[31]));
        KeyExchangeSession c = kx.newSession(Role.RESPONDER, kx.descriptor().defaults());
        c.start();
        assertThrows(KeyExchangeException.class, () -> c.receive(new byte[32]), "u = 0 has small order");
        assertFalse(c.isComplete());
    }

    @Test
    void misuseIsAnIllegalState() throws Exception {
        KeyExchangeSession a = kx.newSession(Role.INITIATOR, kx.descriptor().defaults());
        assertThrows(IllegalStateException.class, () -> a.receive(new byte[32]));
        a.start();
        assertThrows(IllegalStateException.class, a::start);
        assertThrows(IllegalStateException.class, a::sharedSecret);
        a.close();
        assertThrows(IllegalStateException.class, () -> a.receive(new byte[32]));
    }

    @Test
    void closeWipesTheSecret() throws Exception {
        KeyExchangeSession a = kx.newSession(Role.INITIATOR, kx.descriptor().defaults());
        KeyExchangeSession b = kx.newSession(Role.RESPONDER, kx.descriptor().defaults());
        b.start();
        a.receive(b.receive(a.start().orElseThrow()).orElseThrow());
        var secret = a.sharedSecret();
        a.close();
        assertTrue(secret.isDestroyed());
        assertEquals("Secret[destroyed]", secret.toString());
        b.close();
    }
}
