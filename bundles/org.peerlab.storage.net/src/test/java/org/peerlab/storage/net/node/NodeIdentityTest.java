package org.peerlab.storage.net.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {

    @TempDir
    Path dir;

    private final JdkEd25519 ed25519 = new JdkEd25519();

    @Test
    void theKeyIsCreatedPrivateOnceAndTheCoordinatorPinned() throws IOException {
        NodeIdentity first = NodeIdentity.load(dir, ed25519);
        assertTrue(first.created());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(NodeIdentity.KEY_FILE))));
        assertTrue(first.coordinatorKey().isEmpty());
        byte[] sig = ed25519.sign(first.keys().privateKey(), new byte[] { 1, 2 });

        NodeIdentity again = NodeIdentity.load(dir, ed25519);
        assertFalse(again.created());
        assertEquals(first.nodeId(), again.nodeId());
        assertTrue(ed25519.verify(again.keys().publicKey(), new byte[] { 1, 2 }, sig));
        assertTrue(ed25519.verify(first.keys().publicKey(), new byte[] { 3 }, ed25519.sign(again.keys().privateKey(), new byte[] { 3 })));

        byte[] coordinator = ed25519.generateKeyPair().publicKey();
        again.pinCoordinator(coordinator);
        again.pinCoordinator(coordinator);
        IOException other = assertThrows(IOException.class, () -> again.pinCoordinator(ed25519.generateKeyPair().publicKey()));
        assertTrue(other.getMessage().contains("already pinned"));
        assertArrayEquals(coordinator, NodeIdentity.load(dir, ed25519).coordinatorKey().orElseThrow());
    }

    @Test
    void aKeyFileOthersCanReadIsRefused() throws IOException {
        NodeIdentity.load(dir, ed25519);
        Path key = dir.resolve(NodeIdentity.KEY_FILE);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        IOException e = assertThrows(IOException.class, () -> NodeIdentity.load(dir, ed25519));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(key, "scheme ed448\npublic AAAA\nprivate AAAA\n");
        e = assertThrows(IOException.class, () -> NodeIdentity.load(dir, ed25519));
        assertTrue(e.getMessage().contains("scheme 'ed448'"), e.getMessage());
    }
}
