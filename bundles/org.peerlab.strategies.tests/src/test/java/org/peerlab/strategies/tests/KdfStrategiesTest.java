package org.peerlab.strategies.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.InvalidParameterException;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.bc.internal.Argon2idStrategy;
import org.peerlab.crypto.bc.internal.HkdfSha256Strategy;
import org.peerlab.crypto.bc.internal.Pbkdf2Sha256Strategy;
import org.peerlab.strategies.testkit.KdfContractTest;

/** The KDF contract for each implementation, known answers, and parameter checks. */
class KdfStrategiesTest {

    private static final HexFormat HEX = HexFormat.of();

    @Nested
    class HkdfSha256 extends KdfContractTest {
        @Override
        protected Kdf kdf() {
            return new HkdfSha256Strategy();
        }

        @Override
        protected Parameters fast() {
            return kdf().descriptor().defaults();
        }

        @Test
        void rfc5869TestCase1() {
            Secret okm = kdf().derive(Secret.copyOf(HEX.parseHex("0b".repeat(22))), HEX.parseHex("000102030405060708090a0b0c"),
                    HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42, fast());
            assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865", HEX.formatHex(okm.bytes()));
        }

        @Test
        void infoSeparatesOutputs() {
            Secret ikm = Secret.copyOf(new byte[32]);
            assertFalse(kdf().derive(ikm, new byte[0], "a".getBytes(), 32, fast()).sameAs(kdf().derive(ikm, new byte[0], "b".getBytes(), 32, fast())));
        }
    }

    @Nested
    class Pbkdf2Sha256 extends KdfContractTest {
        @Override
        protected Kdf kdf() {
            return new Pbkdf2Sha256Strategy();
        }

        @Override
        protected Parameters fast() {
            return kdf().descriptor().bind(Map.of("iterations", "1000"));
        }

        @Test
        void defaultIsTheStorageSeeds100000Iterations() {
            assertEquals(100_000, kdf().descriptor().defaults().getInt("iterations"));
            assertThrows(InvalidParameterException.class, () -> kdf().descriptor().bind(Map.of("iterations", "0")));
        }

        @Test
        void rfc7914Pbkdf2Sha256Vector() {
            // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64)
            Secret dk = kdf().derive(Secret.copyOf("passwd".getBytes(StandardCharsets.US_ASCII)), "salt".getBytes(StandardCharsets.US_ASCII),
                    new byte[0], 64, kdf().descriptor().bind(Map.of("iterations", "1")));
            assertEquals("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                    + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783", HEX.formatHex(dk.bytes()));
        }
    }

    @Nested
    class Argon2id extends KdfContractTest {
        @Override
        protected Kdf kdf() {
            return new Argon2idStrategy();
        }

        @Override
        protected Parameters fast() {
            return kdf().descriptor().bind(Map.of("memory-kib", "64", "iterations", "1", "parallelism", "1"));
        }

        @Test
        void parametersChangeTheOutput() {
            Secret pw = Secret.copyOf("pw".getBytes());
            byte[] salt = "saltsaltsalt".getBytes();
            Secret a = kdf().derive(pw, salt, new byte[0], 32, fast());
            Secret b = kdf().derive(pw, salt, new byte[0], 32, kdf().descriptor().bind(Map.of("memory-kib", "64", "iterations", "2", "parallelism", "1")));
            assertFalse(a.sameAs(b));
        }

        @Test
        void shortSaltAndTooLittleMemoryAreRefused() {
            Secret pw = Secret.copyOf("pw".getBytes());
            assertThrows(IllegalArgumentException.class, () -> kdf().derive(pw, new byte[7], new byte[0], 32, fast()));
            assertThrows(IllegalArgumentException.class, () -> kdf().derive(pw, new byte[16], new byte[0], 32,
                    kdf().descriptor().bind(Map.of("memory-kib", "16", "parallelism", "4"))));
            assertThrows(InvalidParameterException.class, () -> kdf().descriptor().bind(Map.of("memory-kib", "4")));
        }
    }
}
