package org.peerlab.storage.net.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.storage.node.CorruptShardException;
import org.peerlab.storage.node.QuotaExceededException;
import org.peerlab.storage.node.ShardStore;

class DiskShardStoreTest {

    private static final String A = "ab23456789abcdef0123456789abcdef.0";
    private static final String B = "cd23456789abcdef0123456789abcdef.7";

    @TempDir
    Path dir;

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    private List<Path> tmpFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("tmp"))) {
            return s.toList();
        }
    }

    private static void write(ShardStore.Writer w, byte[] b, int chunk) throws IOException {
        for (int at = 0; at < b.length; at += chunk) {
            w.write(b, at, Math.min(chunk, b.length - at));
        }
    }

    @Test
    void aShardAppearsOnlyWhenCommittedWithItsChecksumBeside() throws Exception {
        DiskShardStore store = DiskShardStore.open(dir, 1 << 20);
        byte[] shard = bytes(300_000, 1);
        ShardStore.Writer w = store.begin(A, shard.length);
        write(w, shard, 65_536);
        assertTrue(store.open(A).isEmpty(), "invisible while being written");
        assertTrue(store.list().isEmpty());
        assertEquals(1, tmpFiles().size());
        w.commit(sha256(shard));

        Path data = dir.resolve("shards/ab/" + A);
        assertArrayEquals(shard, Files.readAllBytes(data));
        assertEquals(HexFormat.of().formatHex(sha256(shard)) + "  " + A + "\n", Files.readString(dir.resolve("shards/ab/" + A + ".sha256")));
        assertTrue(tmpFiles().isEmpty());
        assertEquals(List.of(A), store.list());
        assertEquals(shard.length, store.used());
        assertEquals(1, store.count());
        assertEquals(0, store.reserved());
        try (ShardStore.Reader r = store.open(A).orElseThrow()) {
            assertEquals(shard.length, r.length());
            byte[] part = new byte[1000];
            r.read(299_000, part, 0, 1000);
            assertArrayEquals(java.util.Arrays.copyOfRange(shard, 299_000, 300_000), part);
            assertThrows(IOException.class, () -> r.read(299_500, part, 0, 1000));
        }
        assertTrue(store.verify(A).intact());
    }

    @Test
    void abortsAndFailedCommitsLeaveNothing() throws Exception {
        DiskShardStore store = DiskShardStore.open(dir, 1 << 20);
        byte[] shard = bytes(5000, 2);
        ShardStore.Writer w = store.begin(A, shard.length);
        write(w, shard, 1000);
        w.abort();
        w.abort(); // idempotent
        assertThrows(IllegalStateException.class, () -> w.write(shard, 0, 1));

        ShardStore.Writer wrong = store.begin(A, shard.length);
        write(wrong, shard, 1000);
        byte[] bad = sha256(shard);
        bad[5] ^= 0x10;
        CorruptShardException e = assertThrows(CorruptShardException.class, () -> wrong.commit(bad));
        assertTrue(e.getMessage().contains("the client announced"), e.getMessage());

        ShardStore.Writer shortWrite = store.begin(A, shard.length);
        write(shortWrite, java.util.Arrays.copyOf(shard, 4000), 1000);
        assertThrows(CorruptShardException.class, () -> shortWrite.commit(sha256(shard)));

        ShardStore.Writer tooLong = store.begin(A, 10);
        assertThrows(IOException.class, () -> tooLong.write(shard, 0, 11));

        assertTrue(tmpFiles().isEmpty());
        assertTrue(store.list().isEmpty());
        assertTrue(store.open(A).isEmpty());
        assertEquals(0, store.used());
        assertEquals(0, store.reserved());
        assertEquals(store.quota(), store.free());
    }

    @Test
    void openingRemovesUnfinishedWritesAndCountsWhatIsStored() throws Exception {
        DiskShardStore first = DiskShardStore.open(dir, 1 << 20);
        byte[] a = bytes(1000, 3);
        ShardStore.Writer w = first.begin(A, a.length);
        write(w, a, 1000);
        w.commit(sha256(a));
        ShardStore.Writer unfinished = first.begin(B, 100);
        unfinished.write(new byte[50], 0, 50); // the process dies here
        first.close();
        Files.writeString(dir.resolve("tmp/" + B + ".1234.part.sha256"), "x");
        // a crash between the rename of a shard and of its checksum file
        byte[] b = bytes(700, 4);
        Files.createDirectories(dir.resolve("shards/cd"));
        Files.write(dir.resolve("shards/cd/" + B), b);
        // a checksum file whose shard was deleted before the crash
        String gone = "ee23456789abcdef0123456789abcdef.3";
        Files.createDirectories(dir.resolve("shards/ee"));
        Files.writeString(dir.resolve("shards/ee/" + gone + ".sha256"), "00  " + gone + "\n");

        DiskShardStore again = DiskShardStore.open(dir, 1 << 20);
        assertEquals(new DiskShardStore.Startup(2, 1, 1), again.startup());
        assertTrue(tmpFiles().isEmpty());
        assertEquals(List.of(A, B), again.list());
        assertEquals(2, again.count());
        assertEquals(1700, again.used());
        assertEquals(0, again.reserved());
        assertFalse(Files.exists(dir.resolve("shards/ee/" + gone + ".sha256")));
        assertTrue(again.verify(B).intact(), "the recomputed checksum matches");
    }

    @Test
    void theQuotaCountsWritesInProgressAndReplacements() throws Exception {
        DiskShardStore store = DiskShardStore.open(dir, 1000);
        ShardStore.Writer big = store.begin(A, 600);
        QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> store.begin(B, 500));
        assertTrue(e.getMessage().contains("400 of this node's 1000 bytes are free"), e.getMessage());
        big.abort();
        byte[] b = bytes(500, 5);
        ShardStore.Writer w = store.begin(B, 500);
        write(w, b, 500);
        w.commit(sha256(b));
        assertEquals(500, store.free());
        assertThrows(QuotaExceededException.class, () -> store.begin(A, 501));

        byte[] smaller = bytes(300, 6); // the same shard stored again replaces it
        ShardStore.Writer again = store.begin(B, 300);
        write(again, smaller, 300);
        again.commit(sha256(smaller));
        assertEquals(300, store.used());
        assertEquals(1, store.count());
        try (ShardStore.Reader r = store.open(B).orElseThrow()) {
            assertEquals(300, r.length());
        }
        store.close();
        try (DiskShardStore restarted = DiskShardStore.open(dir, 1000)) {
            assertEquals(300, restarted.used(), "a restart counts the same");
        }
    }

    @Test
    void oneStoreAtATimePerDirectory() throws Exception {
        try (DiskShardStore store = DiskShardStore.open(dir, 1000)) {
            IOException e = assertThrows(IOException.class, () -> DiskShardStore.open(dir, 1000));
            assertTrue(e.getMessage().startsWith("another storage node is using " + dir), e.getMessage());
        }
        DiskShardStore.open(dir, 1000).close();
    }

    @Test
    void verifyFindsAFlippedByteAndTheShardIsNoLongerServed() throws Exception {
        DiskShardStore store = DiskShardStore.open(dir, 1 << 20);
        byte[] shard = bytes(100_000, 7);
        ShardStore.Writer w = store.begin(A, shard.length);
        write(w, shard, 100_000);
        w.commit(sha256(shard));
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("shards/ab/" + A).toFile(), "rw")) {
            f.seek(54_321);
            int v = f.read();
            f.seek(54_321);
            f.write(v ^ 0x01);
        }
        DiskShardStore.Verification v = store.verify(A);
        assertFalse(v.intact());
        assertTrue(v.problem().contains("SHA-256"), v.problem());
        assertThrows(CorruptShardException.class, () -> store.open(A));

        assertTrue(store.delete(A));
        assertFalse(store.delete(A));
        assertEquals(0, store.used());
        assertTrue(store.open(A).isEmpty());
        ShardStore.Writer again = store.begin(A, shard.length);
        write(again, shard, 50_000);
        again.commit(sha256(shard));
        assertTrue(store.open(A).isPresent(), "stored again, it is served again");
        assertFalse(store.verify(B).intact());
        assertThrows(IllegalArgumentException.class, () -> store.begin("../../etc/passwd", 1));
    }
}
