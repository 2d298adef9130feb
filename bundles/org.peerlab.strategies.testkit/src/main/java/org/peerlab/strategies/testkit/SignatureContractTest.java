package org.peerlab.strategies.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.api.SigningKeyPair;

/** What every {@link SignatureScheme} must do; each implementation's test extends this. */
public abstract class SignatureContractTest {

    protected abstract SignatureScheme scheme();

    private final byte[] message = "peer 7f3a, identity announcement".getBytes(StandardCharsets.UTF_8);

    @Test
    public void signaturesVerifyUnderTheirKeyOnly() {
        try (SigningKeyPair pair = scheme().generateKeyPair(); SigningKeyPair other = scheme().generateKeyPair()) {
            assertEquals(scheme().publicKeyLength(), pair.publicKey().length);
            byte[] sig = scheme().sign(pair.privateKey(), message);
            assertTrue(scheme().verify(pair.publicKey(), message, sig));
            assertFalse(scheme().verify(other.publicKey(), message, sig), "another key");
            byte[] changed = message.clone();
            changed[0] ^= 1;
            assertFalse(scheme().verify(pair.publicKey(), changed, sig), "another message");
            for (int i : new int[] { 0, sig.length / 2, sig.length - 1 }) {
                byte[] bad = sig.clone();
                bad[i] ^= 0x10;
                assertFalse(scheme().verify(pair.publicKey(), message, bad), "signature byte " + i + " flipped");
            }
            assertEquals(SignatureScheme.FAMILY, scheme().descriptor().family());
        }
    }

    @Test
    public void malformedKeysAndSignaturesAreRejectedNotThrown() {
        try (SigningKeyPair pair = scheme().generateKeyPair()) {
            byte[] sig = scheme().sign(pair.privateKey(), message);
            assertFalse(scheme().verify(new byte[3], message, sig));
            assertFalse(scheme().verify(new byte[scheme().publicKeyLength()], message, sig));
            assertFalse(scheme().verify(pair.publicKey(), message, new byte[0]));
            assertFalse(scheme().verify(pair.publicKey(), message, java.util.Arrays.copyOf(sig, sig.length + 1)));
        }
        assertThrows(IllegalArgumentException.class, () -> scheme().sign(Secret.copyOf(new byte[5]), message));
    }

    @Test
    public void closingWipesThePrivateKeyAndPrintingHidesIt() {
        SigningKeyPair pair = scheme().generateKeyPair();
        Secret priv = pair.privateKey();
        assertFalse(pair.toString().matches(".*[0-9a-f]{16}.*"), pair.toString());
        pair.close();
        assertTrue(priv.isDestroyed());
    }
}
