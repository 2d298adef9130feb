package org.peerlab.crypto.bc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.peerlab.crypto.api.Secret;

class HkdfSha256StrategyTest {

    private final HkdfSha256Strategy kdf = new HkdfSha256Strategy();
    private final HexFormat hex = HexFormat.of();

    @Test
    void rfc5869TestCase1() {
        Secret ikm = Secret.copyOf(hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"));
        Secret okm = kdf.derive(ikm, hex.parseHex("000102030405060708090a0b0c"), hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42,
                kdf.descriptor().defaults());
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                hex.formatHex(okm.bytes()));
    }

    @Test
    void lengthOutsideRangeIsRejected() {
        Secret ikm = Secret.copyOf(new byte[32]);
        assertThrows(IllegalArgumentException.class, () -> kdf.derive(ikm, new byte[0], new byte[0], 0, kdf.descriptor().defaults()));
        assertThrows(IllegalArgumentException.class, () -> kdf.derive(ikm, new byte[0], new byte[0], 8161, kdf.descriptor().defaults()));
    }
}
