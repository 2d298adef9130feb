package org.peerlab.strategies.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.InvalidParameterException;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.AeadException;
import org.peerlab.crypto.api.Secret;

/**
 * What every {@link Aead} strategy must do; each implementation's test extends this: a 32-byte key,
 * a 16-byte tag, round trips of every size, every altered byte, nonce, associated data or key
 * refused with {@link AeadException}, wrong sizes refused with {@link IllegalArgumentException} and
 * use after {@code close()} with {@link IllegalStateException}.
 */
public abstract class AeadContractTest {

    private final SecureRandom random = new SecureRandom();

    /** @return the strategy under test (a new or shared instance) */
    protected abstract Aead aead();

    private Secret key() {
        byte[] k = new byte[aead().keyLength()];
        random.nextBytes(k);
        return Secret.adopt(k);
    }

    private byte[] nonce() {
        byte[] n = new byte[aead().nonceLength()];
        random.nextBytes(n);
        return n;
    }

    @Test
    public void describesItselfAsAnAead() {
        assertEquals(Aead.FAMILY, aead().descriptor().family());
        assertEquals(32, aead().keyLength());
        assertEquals(16, aead().tagLength());
    }

    @Test
    public void roundTripsEverySize() throws Exception {
        Secret key = key();
        byte[] aad = "file 3, chunk 7, last".getBytes(StandardCharsets.UTF_8);
        try (AeadCipher c = aead().newCipher(key)) {
            for (int size : new int[] { 0, 1, 15, 16, 17, 4096, 65_536 + 3 }) {
                byte[] plain = new byte[size];
                random.nextBytes(plain);
                byte[] nonce = nonce();
                byte[] sealed = c.seal(nonce, aad, plain);
                assertEquals(size + aead().tagLength(), sealed.length);
                assertArrayEquals(plain, c.open(nonce, aad, sealed));
            }
        }
    }

    @Test
    public void rejectsEveryAlteration() {
        Secret key = key();
        byte[] nonce = nonce();
        byte[] aad = { 1, 2, 3 };
        AeadCipher c = aead().newCipher(key);
        byte[] sealed = c.seal(nonce, aad, new byte[100]);
        for (int i : new int[] { 0, 50, 99, 100, 115 }) {
            byte[] bad = sealed.clone();
            bad[i] ^= 0x01;
            assertThrows(AeadException.class, () -> c.open(nonce, aad, bad), "byte " + i + " flipped");
        }
        byte[] otherNonce = nonce.clone();
        otherNonce[0] ^= 1;
        assertThrows(AeadException.class, () -> c.open(otherNonce, aad, sealed));
        assertThrows(AeadException.class, () -> c.open(nonce, new byte[] { 1, 2 }, sealed));
        assertThrows(AeadException.class, () -> c.open(nonce, aad, java.util.Arrays.copyOf(sealed, sealed.length - 1)), "truncated");
        assertThrows(AeadException.class, () -> aead().newCipher(key()).open(nonce, aad, sealed), "wrong key");
        assertThrows(AeadException.class, () -> c.open(nonce, aad, new byte[5]), "shorter than a tag");
    }

    @Test
    public void rejectsWrongSizesAndUseAfterClose() {
        assertThrows(IllegalArgumentException.class, () -> aead().newCipher(Secret.copyOf(new byte[16])));
        AeadCipher c = aead().newCipher(key());
        assertThrows(IllegalArgumentException.class, () -> c.seal(new byte[8], new byte[0], new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> c.seal(new byte[16], new byte[0], new byte[1]));
        c.close();
        assertThrows(IllegalStateException.class, () -> c.seal(nonce(), new byte[0], new byte[1]));
    }

    @Test
    public void parametersAreValidated() {
        assertThrows(InvalidParameterException.class, () -> aead().descriptor().bind(Map.of("no-such", "1")));
    }

    @Test
    public void ciphertextDoesNotContainThePlaintext() {
        byte[] plain = "a recognisable plaintext block!!".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = aead().newCipher(key()).seal(nonce(), new byte[0], plain);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("recognisable"));
    }
}
