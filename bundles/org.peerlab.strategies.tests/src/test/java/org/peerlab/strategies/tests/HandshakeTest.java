package org.peerlab.strategies.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.UnknownStrategyException;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.Secret;
import org.peerlab.protocol.ProtocolException.Reason;
import org.peerlab.protocol.handshake.Handshake;
import org.peerlab.protocol.handshake.HandshakeConfig;
import org.peerlab.protocol.handshake.HandshakeStep;
import org.peerlab.protocol.handshake.SessionKeys;

/** The handshake between two state machines over a relay that can alter messages in transit. */
class HandshakeTest {

    static final TestRegistry REGISTRY = TestRegistry.crypto();

    /** Outcome of one run: each side's final step with keys or failure (or null if it never ended). */
    record Run(HandshakeStep initiator, HandshakeStep responder, int messages) {
    }

    /** Relays messages; {@code tamper} may rewrite message number i (0-based, in sending order). */
    static Run run(HandshakeConfig i, HandshakeConfig r, int tamperIndex, UnaryOperator<byte[]> tamper) {
        Handshake a = new Handshake(Role.INITIATOR, i);
        Handshake b = new Handshake(Role.RESPONDER, r);
        Deque<Object[]> wire = new ArrayDeque<>(); // {target, bytes}
        HandshakeStep[] last = new HandshakeStep[2];
        int[] count = { 0 };
        b.start();
        queue(wire, b, a.start(), last, 0, count, tamperIndex, tamper);
        int guard = 0;
        while (!wire.isEmpty() && guard++ < 100) {
            Object[] next = wire.poll();
            Handshake to = (Handshake) next[0];
            if (to.isComplete() || (to == a ? last[0] : last[1]) != null && (to == a ? last[0] : last[1]).failure() != null) {
                continue;
            }
            HandshakeStep step = to.onMessage((byte[]) next[1]);
            int side = to == a ? 0 : 1;
            queue(wire, to == a ? b : a, step, last, side, count, tamperIndex, tamper);
        }
        return new Run(last[0], last[1], count[0]);
    }

    private static void queue(Deque<Object[]> wire, Handshake peer, HandshakeStep step, HandshakeStep[] last, int side, int[] count,
            int tamperIndex, UnaryOperator<byte[]> tamper) {
        if (step.keys() != null || step.failure() != null) {
            last[side] = step;
        }
        for (byte[] m : step.send()) {
            byte[] out = count[0] == tamperIndex ? tamper.apply(m.clone()) : m;
            count[0]++;
            wire.add(new Object[] { peer, out });
        }
    }

    static HandshakeConfig plain() {
        return HandshakeConfig.defaults(REGISTRY, null, null);
    }

    static HandshakeConfig code(String code) {
        return HandshakeConfig.defaults(REGISTRY, "jpake", Secret.copyOf(code.getBytes(StandardCharsets.UTF_8)));
    }

    static void assertMatchingKeys(Run run) {
        SessionKeys a = run.initiator().keys();
        SessionKeys b = run.responder().keys();
        assertNotNull(a, "initiator failed: " + run.initiator().failure());
        assertNotNull(b, "responder failed: " + run.responder().failure());
        assertTrue(a.sendKey().sameAs(b.receiveKey()));
        assertTrue(a.receiveKey().sameAs(b.sendKey()));
        assertFalse(a.sendKey().sameAs(a.receiveKey()), "one key per direction");
        assertArrayEquals(a.transcriptHash(), b.transcriptHash());
        assertEquals(a.sas(), b.sas());
        assertTrue(a.sas().matches("\\d{3} \\d{3}"), a.sas());
    }

    @Test
    void defaultsNegotiateTheHybridKeyExchangeAndAesGcm() {
        Run run = run(plain(), plain(), -1, m -> m);
        assertMatchingKeys(run);
        assertEquals("x25519-mlkem768", run.initiator().keys().keyExchange());
        assertEquals("aes-256-gcm", run.initiator().keys().aead().descriptor().name());
        assertFalse(run.initiator().keys().authenticated());
        assertFalse(run.initiator().keys().toString().matches(".*[0-9a-f]{16}.*"), "keys never printed");
    }

    @Test
    void theInitiatorsPreferenceWinsWithinTheIntersection() {
        HandshakeConfig i = new HandshakeConfig(REGISTRY, List.of("ffdhe2048", "x25519", "ecdh-p256"), List.of("chacha20-poly1305", "aes-256-gcm"),
                List.of("hkdf-sha256"), null, null);
        HandshakeConfig r = new HandshakeConfig(REGISTRY, List.of("ecdh-p256", "x25519"), List.of("aes-256-gcm", "chacha20-poly1305"),
                List.of("hkdf-sha256"), null, null);
        Run run = run(i, r, -1, m -> m);
        assertMatchingKeys(run);
        assertEquals("x25519", run.responder().keys().keyExchange());
        assertEquals("chacha20-poly1305", run.responder().keys().aead().descriptor().name());
    }

    @Test
    void noCommonStrategyFailsBothSidesClearly() {
        HandshakeConfig i = new HandshakeConfig(REGISTRY, List.of("x25519"), List.of("aes-256-gcm"), List.of("hkdf-sha256"), null, null);
        HandshakeConfig r = new HandshakeConfig(REGISTRY, List.of("ecdh-p256"), List.of("aes-256-gcm"), List.of("hkdf-sha256"), null, null);
        Run run = run(i, r, -1, m -> m);
        assertEquals(Reason.NO_COMMON_STRATEGY, run.responder().failure().reason());
        assertTrue(run.responder().failure().getMessage().contains("no common key exchange"), run.responder().failure().getMessage());
        assertNotNull(run.initiator().failure(), "the initiator hears of it through ERROR");
        assertTrue(run.initiator().failure().getMessage().contains("NO_COMMON_STRATEGY"), run.initiator().failure().getMessage());
    }

    @Test
    void aPairingCodeAuthenticatesAndAWrongOneFailsBothSides() {
        Run ok = run(code("7-copper-lantern"), code("7-copper-lantern"), -1, m -> m);
        assertMatchingKeys(ok);
        assertTrue(ok.initiator().keys().authenticated());
        assertEquals("jpake", ok.initiator().keys().keyExchange());

        Run wrong = run(code("7-copper-lantern"), code("7-copper-lantren"), -1, m -> m);
        assertNull(wrong.initiator().keys());
        assertNull(wrong.responder().keys());
        assertEquals(Reason.AUTHENTICATION_FAILED, wrong.responder().failure().reason());
        assertEquals(Reason.AUTHENTICATION_FAILED, wrong.initiator().failure().reason());
        assertFalse(wrong.initiator().failure().getMessage().contains("lantern"), "the code never appears in errors");
    }

    @Test
    void aCodeOnOneSideOnlyIsRefused() {
        Run run = run(code("1-a-b"), plain(), -1, m -> m);
        assertEquals(Reason.AUTHENTICATION_FAILED, run.responder().failure().reason());
        assertNotNull(run.initiator().failure());
    }

    @Test
    void changingAnyByteOfAnyMessageNeverYieldsKeysOnBothSides() {
        Random random = new Random(3);
        int total = run(plain(), plain(), -1, m -> m).messages();
        int runs = 0;
        for (int index = 0; index < total; index++) {
            for (int attempt = 0; attempt < 12; attempt++) {
                int seed = random.nextInt();
                Run run = run(plain(), plain(), index, m -> {
                    Random r = new Random(seed);
                    m[r.nextInt(m.length)] ^= (byte) (1 + r.nextInt(255));
                    return m;
                });
                assertFalse(run.initiator() != null && run.initiator().keys() != null && run.responder() != null && run.responder().keys() != null,
                        "message " + index + " altered, yet both sides completed");
                runs++;
            }
        }
        assertTrue(runs >= 4 * 12, "messages in a handshake: " + total);
    }

    @Test
    void aDowngradeOfTheOfferIsDetected() {
        // A man in the middle strips the hybrid key exchange from the initiator's HELLO (message 0).
        Run run = run(plain(), plain(), 0, m -> {
            String s = new String(m, StandardCharsets.ISO_8859_1).replace("x25519-mlkem768", "x25519-xxxxxx768");
            return s.getBytes(StandardCharsets.ISO_8859_1);
        });
        assertNull(run.initiator().keys());
        assertNull(run.responder().keys());
    }

    @Test
    void garbageIsAProtocolErrorNotACrash() {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            Handshake h = new Handshake(Role.RESPONDER, plain());
            h.start();
            byte[] junk = new byte[random.nextInt(80)];
            random.nextBytes(junk);
            if (junk.length > 1 && random.nextBoolean()) {
                junk[0] = 1; // right version, so that the type and payload get parsed
                junk[1] = (byte) (1 + random.nextInt(3));
            }
            HandshakeStep step = h.onMessage(junk);
            assertNotNull(step.failure(), "junk accepted");
            assertFalse(h.isComplete());
        }
    }

    @Test
    void configurationNamesMustBeInstalled() {
        assertThrows(UnknownStrategyException.class,
                () -> new HandshakeConfig(REGISTRY, List.of("nope"), List.of("aes-256-gcm"), List.of("hkdf-sha256"), null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new HandshakeConfig(REGISTRY, List.of("x25519"), List.of("aes-256-gcm"), List.of("hkdf-sha256"), "jpake", null));
    }

}
