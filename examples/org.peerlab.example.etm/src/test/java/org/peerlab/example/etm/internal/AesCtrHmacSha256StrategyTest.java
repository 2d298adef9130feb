package org.peerlab.example.etm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.AeadException;
import org.peerlab.crypto.api.Secret;
import org.peerlab.strategies.testkit.AeadContractTest;

/**
 * PeerLab's AEAD contract, plus known answers computed independently (Python's {@code cryptography}
 * for HKDF and HMAC, the OpenSSL command line for AES-256-CTR).
 */
class AesCtrHmacSha256StrategyTest extends AeadContractTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] NONCE = HEX.parseHex("cafebabefacedbaddecaf888");
    private static final byte[] AAD = "file 3, chunk 7".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PLAIN = "PeerLab example plugin: encrypt-then-MAC".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected Aead aead() {
        return new AesCtrHmacSha256Strategy();
    }

    @Test
    void knownAnswer() throws Exception {
        try (AeadCipher c = aead().newCipher(Secret.copyOf(KEY))) {
            byte[] sealed = c.seal(NONCE, AAD, PLAIN);
            assertEquals("b7bd26e1883c2a90da621fd69446aedb549469c83cfb2d48a9aeaf600898daa7" // AES-256-CTR
                    + "9cd719f5b431652a" // last 8 ciphertext bytes
                    + "0aab2c0b31070c88f3a5e81177b926ac", HEX.formatHex(sealed)); // truncated HMAC
            assertArrayEquals(PLAIN, c.open(NONCE, AAD, sealed));
        }
    }

    @Test
    void knownAnswerOfAnEmptyMessage() {
        assertEquals("74b22216a55f854b1c586c42a0e229c6", HEX.formatHex(aead().newCipher(Secret.copyOf(KEY)).seal(NONCE, new byte[0], new byte[0])));
    }

    @Test
    void associatedDataLengthIsBoundSoBytesCannotMoveBetweenItAndTheCiphertext() {
        AeadCipher c = aead().newCipher(Secret.copyOf(KEY));
        byte[] sealed = c.seal(NONCE, new byte[] { 1, 2 }, new byte[] { 3, 4 });
        assertThrows(AeadException.class, () -> c.open(NONCE, new byte[] { 1 }, sealed));
        assertThrows(AeadException.class, () -> c.open(NONCE, new byte[] { 1, 2, 3 }, sealed));
    }

    @Test
    void openReadsASliceOfALargerBuffer() throws Exception {
        AeadCipher c = aead().newCipher(Secret.copyOf(KEY));
        byte[] sealed = c.seal(NONCE, AAD, PLAIN);
        byte[] framed = new byte[sealed.length + 7];
        System.arraycopy(sealed, 0, framed, 3, sealed.length);
        assertArrayEquals(PLAIN, c.open(NONCE, AAD, framed, 3, sealed.length));
    }

    @Test
    void hkdfMatchesRfc5869() {
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                HEX.formatHex(HkdfSha256.derive(HEX.parseHex("0b".repeat(22)), HEX.parseHex("000102030405060708090a0b0c"),
                        HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42)), "test case 1");
        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                HEX.formatHex(HkdfSha256.derive(HEX.parseHex("0b".repeat(22)), new byte[0], new byte[0], 42)), "test case 3");
    }
}
