package org.peerlab.strategies.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.peerlab.crypto.api.KeyExchange;
import org.peerlab.crypto.api.KeyExchangeException;
import org.peerlab.crypto.api.KeyExchangeSession;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.Secret;

/** What every {@link KeyExchange} strategy must do; each implementation's test extends this. */
public abstract class KeyExchangeContractTest {

    protected abstract KeyExchange kx();

    /** @return the length of the shared secret in bytes */
    protected abstract int secretLength();

    protected KeyExchangeSession session(Role role) {
        return kx().newSession(role, kx().descriptor().defaults());
    }

    /** Runs a whole exchange; returns {initiator, responder}. */
    protected KeyExchangeSession[] handshake() throws KeyExchangeException {
        KeyExchangeSession a = session(Role.INITIATOR);
        KeyExchangeSession b = session(Role.RESPONDER);
        byte[] toB = a.start().orElseThrow();
        assertTrue(b.start().isEmpty());
        while (!(a.isComplete() && b.isComplete())) {
            byte[] toA = b.receive(toB).orElse(null);
            if (toA == null) {
                break;
            }
            toB = a.receive(toA).orElse(null);
            if (toB == null) {
                break;
            }
        }
        return new KeyExchangeSession[] { a, b };
    }

    @Test
    public void bothSidesAgreeOnSecretAndTranscript() throws Exception {
        KeyExchangeSession[] s = handshake();
        assertTrue(s[0].isComplete() && s[1].isComplete());
        assertTrue(s[0].sharedSecret().sameAs(s[1].sharedSecret()));
        assertEquals(secretLength(), s[0].sharedSecret().length());
        assertArrayEquals(s[0].transcript(), s[1].transcript());
        assertEquals(KeyExchange.FAMILY, kx().descriptor().family());
    }

    @Test
    public void everyRunIsFresh() throws Exception {
        assertFalse(handshake()[0].sharedSecret().sameAs(handshake()[0].sharedSecret()));
    }

    @Test
    public void truncatedOrEmptyMessagesAreRejected() {
        KeyExchangeSession a = session(Role.INITIATOR);
        byte[] hello = a.start().orElseThrow();
        KeyExchangeSession b = session(Role.RESPONDER);
        b.start();
        assertThrows(KeyExchangeException.class, () -> b.receive(Arrays.copyOf(hello, hello.length - 1)));
        assertFalse(b.isComplete());
        KeyExchangeSession c = session(Role.RESPONDER);
        c.start();
        assertThrows(KeyExchangeException.class, () -> c.receive(new byte[0]));
    }

    @Test
    public void alteredReplyNeverGivesTheSameSecret() throws Exception {
        KeyExchangeSession a = session(Role.INITIATOR);
        KeyExchangeSession b = session(Role.RESPONDER);
        b.start();
        byte[] reply = b.receive(a.start().orElseThrow()).orElseThrow();
        reply[reply.length / 2] ^= 0x04;
        try {
            a.receive(reply);
            assertFalse(a.sharedSecret().sameAs(b.sharedSecret()), "a changed share must not give the same secret");
        } catch (KeyExchangeException rejected) {
            assertFalse(a.isComplete());
        }
    }

    @Test
    public void misuseIsAnIllegalState() {
        KeyExchangeSession a = session(Role.INITIATOR);
        assertThrows(IllegalStateException.class, () -> a.receive(new byte[32]));
        a.start();
        assertThrows(IllegalStateException.class, a::start);
        assertThrows(IllegalStateException.class, a::sharedSecret);
        a.close();
        assertThrows(IllegalStateException.class, () -> a.receive(new byte[32]));
    }

    @Test
    public void closeWipesTheSecretAndNothingPrintsIt() throws Exception {
        KeyExchangeSession[] s = handshake();
        Secret secret = s[0].sharedSecret();
        assertEquals("Secret[" + secretLength() + " bytes]", secret.toString());
        s[0].close();
        assertTrue(secret.isDestroyed());
        assertThrows(IllegalStateException.class, secret::bytes);
        s[1].close();
    }
}
