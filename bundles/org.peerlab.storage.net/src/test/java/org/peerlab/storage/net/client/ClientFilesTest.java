package org.peerlab.storage.net.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.crypto.api.Secret;

/** Password files and the random-key folder. */
class ClientFilesTest {

    @TempDir
    Path dir;

    private static final String ID = "00112233445566778899aabbccddeeff";

    private Path file(String content) throws IOException {
        return Files.write(dir.resolve("pw"), content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thePasswordIsTheFirstLineWithoutItsLineBreak() throws IOException {
        assertArrayEquals("correct horse".getBytes(StandardCharsets.UTF_8), PasswordFile.read(file("correct horse\nsecond line\n")).bytes());
        assertArrayEquals("crlf".getBytes(StandardCharsets.UTF_8), PasswordFile.read(file("crlf\r\n")).bytes());
        assertArrayEquals("no break".getBytes(StandardCharsets.UTF_8), PasswordFile.read(file("no break")).bytes());
        assertArrayEquals(" spaces kept ".getBytes(StandardCharsets.UTF_8), PasswordFile.read(file(" spaces kept \n")).bytes());
    }

    @Test
    void anEmptyPasswordIsRefused() throws IOException {
        for (String empty : new String[] { "", "\n", "\r\n", "\nsecond" }) {
            Path p = file(empty);
            IOException e = assertThrows(IOException.class, () -> PasswordFile.read(p));
            assertTrue(e.getMessage().contains("is empty"), e.getMessage());
        }
        assertThrows(NoSuchFileException.class, () -> PasswordFile.read(dir.resolve("missing")));
    }

    @Test
    void randomKeysAreKeptPrivateAndReadBack() throws IOException {
        KeyFiles keys = new KeyFiles(dir.resolve("storage").resolve("keys"));
        byte[] raw = new byte[32];
        raw[0] = 7;
        keys.write(ID, Secret.copyOf(raw));
        Path p = keys.path(ID);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p.getParent())));
        assertArrayEquals(raw, keys.read(ID).bytes());
        assertThrows(FileAlreadyExistsException.class, () -> keys.write(ID, Secret.copyOf(raw)), "a key is never replaced");
        assertEquals(1, Files.list(p.getParent()).count(), "no temporary file is left");
        keys.delete(ID);
        assertFalse(Files.exists(p));
        assertThrows(NoSuchFileException.class, () -> keys.read(ID));
        assertThrows(IllegalArgumentException.class, () -> keys.path("../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> keys.path(ID.toUpperCase()));
    }

    @Test
    void aDamagedKeyFileIsReportedAsSuch() throws IOException {
        KeyFiles keys = new KeyFiles(dir);
        Files.writeString(keys.path(ID), "not hex\n");
        IOException e = assertThrows(IOException.class, () -> keys.read(ID));
        assertTrue(e.getMessage().contains("does not hold a hex key"), e.getMessage());
    }
}
