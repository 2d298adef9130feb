package org.peerlab.strategies.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.peerlab.crypto.api.KeyExchangeException;
import org.peerlab.crypto.api.KeyExchangeSession;
import org.peerlab.crypto.api.Pake;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.Secret;

/** What every {@link Pake} strategy must do; each implementation's test extends this. */
public abstract class PakeContractTest {

    protected abstract Pake pake();

    protected KeyExchangeSession session(Role role, String code) {
        return pake().newSession(role, Secret.copyOf(code.getBytes(StandardCharsets.UTF_8)), pake().descriptor().defaults());
    }

    /** Relays messages until one side completes or throws; returns every message sent. */
    protected static List<byte[]> run(KeyExchangeSession a, KeyExchangeSession b) throws KeyExchangeException {
        List<byte[]> sent = new ArrayList<>();
        b.start();
        Optional<byte[]> next = a.start();
        KeyExchangeSession receiver = b;
        while (next.isPresent()) {
            sent.add(next.get());
            next = receiver.receive(next.get());
            receiver = receiver == b ? a : b;
        }
        return sent;
    }

    @Test
    public void sameCodeGivesTheSameAuthenticatedKey() throws Exception {
        KeyExchangeSession a = session(Role.INITIATOR, "7-copper-lantern");
        KeyExchangeSession b = session(Role.RESPONDER, "7-copper-lantern");
        run(a, b);
        assertTrue(a.isComplete() && b.isComplete());
        assertTrue(a.sharedSecret().sameAs(b.sharedSecret()));
        assertArrayEquals(a.transcript(), b.transcript());
    }

    @Test
    public void wrongCodeFailsKeyConfirmationWhicheverSideHasIt() {
        for (boolean initiatorWrong : new boolean[] { true, false }) {
            KeyExchangeSession a = session(Role.INITIATOR, initiatorWrong ? "7-copper-lantren" : "7-copper-lantern");
            KeyExchangeSession b = session(Role.RESPONDER, initiatorWrong ? "7-copper-lantern" : "7-copper-lantren");
            KeyExchangeException e = assertThrows(KeyExchangeException.class, () -> run(a, b));
            assertTrue(e.getMessage().contains("key confirmation failed"), e.getMessage());
            assertFalse(a.isComplete(), "the initiator never completes");
            assertFalse(b.isComplete(), "the responder never completes");
        }
    }

    @Test
    public void runsAreRandomisedSoTranscriptsRevealNoFixedFunctionOfTheCode() throws Exception {
        KeyExchangeSession a1 = session(Role.INITIATOR, "42-amber-fox");
        KeyExchangeSession b1 = session(Role.RESPONDER, "42-amber-fox");
        KeyExchangeSession a2 = session(Role.INITIATOR, "42-amber-fox");
        KeyExchangeSession b2 = session(Role.RESPONDER, "42-amber-fox");
        List<byte[]> m1 = run(a1, b1);
        List<byte[]> m2 = run(a2, b2);
        for (int i = 0; i < m1.size(); i++) {
            assertFalse(java.util.Arrays.equals(m1.get(i), m2.get(i)), "message " + i + " repeats across runs");
        }
        assertFalse(a1.sharedSecret().sameAs(a2.sharedSecret()));
    }

    @Test
    public void alteredOrMalformedMessagesAreRejected() {
        KeyExchangeSession a = session(Role.INITIATOR, "1-a-b");
        KeyExchangeSession b = session(Role.RESPONDER, "1-a-b");
        b.start();
        byte[] hello = a.start().orElseThrow();
        byte[] bad = hello.clone();
        bad[bad.length - 3] ^= 1;
        assertThrows(KeyExchangeException.class, () -> b.receive(bad));
        KeyExchangeSession c = session(Role.RESPONDER, "1-a-b");
        c.start();
        assertThrows(KeyExchangeException.class, () -> c.receive(new byte[] { 1, 0 }));
        KeyExchangeSession d = session(Role.RESPONDER, "1-a-b");
        d.start();
        assertThrows(KeyExchangeException.class, () -> d.receive(java.util.Arrays.copyOf(hello, hello.length + 1)), "trailing byte");
    }

    @Test
    public void emptyCodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> session(Role.INITIATOR, ""));
    }
}
