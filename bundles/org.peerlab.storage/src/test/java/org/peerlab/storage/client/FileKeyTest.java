package org.peerlab.storage.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.crypto.api.Secret;
import org.peerlab.storage.wire.FileRecord;

class FileKeyTest {

    private final Kdf kdf = new TestParts.JdkPbkdf2();

    private static Secret pw(String s) {
        return Secret.copyOf(s.getBytes(StandardCharsets.UTF_8));
    }

    private static FileRecord record(FileKey key) {
        return new FileRecord("0123456789abcdef0123456789abcdef", "f", 0, 1000, 0, "aes-256-gcm", key.kdf(), key.kdfParameters(), key.salt(),
                "xor", "", 1, 1, 0, "merkle-challenge", "", List.of(new FileRecord.ShardEntry(0, "n", new byte[32], new byte[0])),
                new byte[32]);
    }

    @Test
    void aPasswordKeyIsDerivedAgainFromTheRecord() {
        FileKey made = FileKey.fromPassword(kdf, pw("correct horse"), 32, new SecureRandom());
        assertEquals("pbkdf2-sha256", made.kdf());
        assertEquals("iterations=1000", made.kdfParameters(), "the strategy's defaults, as text");
        assertEquals(FileKey.SALT_LENGTH, made.salt().length);
        FileRecord r = record(made);
        assertTrue(FileKey.usesPassword(r));
        assertArrayEquals(made.key().bytes(), FileKey.forRecord(r, kdf, pw("correct horse"), 32).bytes());
        assertFalse(made.key().sameAs(FileKey.forRecord(r, kdf, pw("correct horsf"), 32)));
        FileKey other = FileKey.fromPassword(kdf, pw("correct horse"), 32, new SecureRandom());
        assertFalse(made.key().sameAs(other.key()), "a fresh salt per file gives a fresh key");
    }

    @Test
    void aRandomKeyLeavesNothingInTheRecord() {
        FileKey k = FileKey.random(32, new SecureRandom());
        assertEquals(32, k.key().length());
        FileRecord r = record(k);
        assertFalse(FileKey.usesPassword(r));
        assertEquals(0, r.salt().length);
        assertThrows(IllegalArgumentException.class, () -> FileKey.forRecord(r, kdf, pw("x"), 32));
    }

    @Test
    void emptyPasswordsAndForeignKdfsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FileKey.fromPassword(kdf, pw(""), 32, new SecureRandom()));
        FileKey made = FileKey.fromPassword(kdf, pw("p"), 32, new SecureRandom());
        FileRecord argon = new FileRecord("0123456789abcdef0123456789abcdef", "f", 0, 1000, 0, "aes-256-gcm", "argon2id", "", made.salt(), "xor",
                "", 1, 1, 0, "a", "", List.of(new FileRecord.ShardEntry(0, "n", new byte[32], new byte[0])), new byte[32]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FileKey.forRecord(argon, kdf, pw("p"), 32));
        assertTrue(e.getMessage().contains("argon2id"), e.getMessage());
    }

    @Test
    void parameterTextRoundTrips() {
        assertEquals(Map.of(), ParameterText.parse(""));
        assertEquals(Map.of("block-size", "1024", "blocks", "460"), ParameterText.parse("block-size=1024, blocks=460"));
        assertEquals("iterations=5", ParameterText.format(ParameterText.bind(kdf.descriptor(), "iterations=5")));
        assertThrows(IllegalArgumentException.class, () -> ParameterText.parse("a=1,a=2"));
        assertThrows(IllegalArgumentException.class, () -> ParameterText.parse("novalue"));
        assertThrows(IllegalArgumentException.class, () -> ParameterText.bind(kdf.descriptor(), "rounds=5"));
    }
}
