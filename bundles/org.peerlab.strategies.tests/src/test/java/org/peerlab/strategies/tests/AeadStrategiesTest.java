package org.peerlab.strategies.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.bc.internal.AesGcmBcStrategy;
import org.peerlab.crypto.bc.internal.AesGcmSivStrategy;
import org.peerlab.crypto.jdk.internal.AesGcmStrategy;
import org.peerlab.crypto.jdk.internal.ChaCha20Poly1305Strategy;
import org.peerlab.strategies.testkit.AeadContractTest;

/** The AEAD contract for each implementation, plus one known answer each. */
class AeadStrategiesTest {

    private static String sealHex(Aead aead, String key, String nonce, String plain) {
        HexFormat hex = HexFormat.of();
        return hex.formatHex(aead.newCipher(Secret.copyOf(hex.parseHex(key))).seal(hex.parseHex(nonce), new byte[0], hex.parseHex(plain)));
    }

    private static final String ZERO_KEY = "00".repeat(32);
    private static final String ZERO_NONCE = "00".repeat(12);

    @Nested
    class AesGcmJdk extends AeadContractTest {
        @Override
        protected Aead aead() {
            return new AesGcmStrategy();
        }

        @Test
        void gcmSpecTestCase13() {
            assertEquals("530f8afbc74536b9a963b4f1c4cb738b", sealHex(aead(), ZERO_KEY, ZERO_NONCE, ""));
        }
    }

    @Nested
    class AesGcmBc extends AeadContractTest {
        @Override
        protected Aead aead() {
            return new AesGcmBcStrategy();
        }

        @Test
        void gcmSpecTestCase13() {
            assertEquals("530f8afbc74536b9a963b4f1c4cb738b", sealHex(aead(), ZERO_KEY, ZERO_NONCE, ""));
        }
    }

    @Nested
    class AesGcmSiv extends AeadContractTest {
        @Override
        protected Aead aead() {
            return new AesGcmSivStrategy();
        }

        @Test
        void misuseResistance() {
            // The same nonce twice leaks only equality of messages: equal plaintexts, equal ciphertexts.
            assertEquals(sealHex(aead(), ZERO_KEY, ZERO_NONCE, "01"), sealHex(aead(), ZERO_KEY, ZERO_NONCE, "01"));
        }
    }

    @Nested
    class ChaCha20Poly1305 extends AeadContractTest {
        @Override
        protected Aead aead() {
            return new ChaCha20Poly1305Strategy();
        }
    }
}
