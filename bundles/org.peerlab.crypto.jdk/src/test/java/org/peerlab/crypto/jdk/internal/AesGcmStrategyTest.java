package org.peerlab.crypto.jdk.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.AeadException;
import org.peerlab.crypto.api.Secret;

class AesGcmStrategyTest {

    private final AesGcmStrategy aead = new AesGcmStrategy();
    private final byte[] nonce = new byte[12];
    private final byte[] aad = "file-1/chunk-0".getBytes(StandardCharsets.UTF_8);

    private AeadCipher cipher(int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return aead.newCipher(Secret.copyOf(k));
    }

    @Test
    void roundTripAddsTag() throws Exception {
        byte[] plain = "hello peer".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = cipher(1).seal(nonce, aad, plain);
        assertEquals(plain.length + 16, sealed.length);
        assertArrayEquals(plain, cipher(1).open(nonce, aad, sealed));
    }

    @Test
    void matchesNistTestCase13() throws Exception {
        // GCM spec test case 13: zero key, zero IV, empty plaintext -> tag only.
        byte[] sealed = cipher(0).seal(new byte[12], new byte[0], new byte[0]);
        assertEquals("530f8afbc74536b9a963b4f1c4cb738b", HexFormat.of().formatHex(sealed));
    }

    @Test
    void tamperingWrongKeyAndWrongAadAreRejected() {
        byte[] sealed = cipher(1).seal(nonce, aad, new byte[100]);
        byte[] flipped = sealed.clone();
        flipped[5] ^= 1;
        assertThrows(AeadException.class, () -> cipher(1).open(nonce, aad, flipped));
        assertThrows(AeadException.class, () -> cipher(2).open(nonce, aad, sealed));
        assertThrows(AeadException.class, () -> cipher(1).open(nonce, new byte[1], sealed));
        assertThrows(AeadException.class, () -> cipher(1).open(nonce, aad, new byte[3]));
    }

    @Test
    void badSizesAndClosedCipherFailClearly() {
        assertThrows(IllegalArgumentException.class, () -> aead.newCipher(Secret.copyOf(new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> cipher(1).seal(new byte[8], aad, new byte[1]));
        AeadCipher c = cipher(1);
        c.close();
        assertThrows(IllegalStateException.class, () -> c.seal(nonce, aad, new byte[1]));
    }
}
