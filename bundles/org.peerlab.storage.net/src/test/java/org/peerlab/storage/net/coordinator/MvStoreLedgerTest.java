package org.peerlab.storage.net.coordinator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.storage.coordinator.NodeRecord;
import org.peerlab.storage.coordinator.ShardState;
import org.peerlab.storage.wire.FileRecord;

/** The MVStore ledger keeps what was committed across a crash (the store abandoned without close). */
class MvStoreLedgerTest {

    @TempDir
    Path dir;

    static FileRecord record(String id, String node) {
        List<FileRecord.ShardEntry> shards = List.of(new FileRecord.ShardEntry(0, node, new byte[32], new byte[] { 1, 2, 3 }),
                new FileRecord.ShardEntry(1, node + "x", new byte[32], new byte[] { 4 }));
        return new FileRecord(id, "a.txt", 10, 4096, 5, "aes-256-gcm", "pbkdf2-sha256", "iterations=1000", new byte[16], "reed-solomon",
                "data-shards=1,total-shards=2", 1, 2, 100, "merkle-challenge", "block-size=1024,blocks=460", shards, new byte[64]);
    }

    @Test
    void committedWritesSurviveACrashAndUncommittedOnesDoNotClaimToBeThere() {
        MvStoreLedger first = MvStoreLedger.open(dir);
        first.putFile(record("0123456789abcdef0123456789abcdef", "n1"));
        first.putNode(new NodeRecord("n1", new byte[] { 9, 9 }, "10.0.0.1:7000", 1 << 20, new double[] { 0.5, 3 }, false));
        first.putShard("0123456789abcdef0123456789abcdef.1", new ShardState(4, true));
        first.commit();
        first.putFile(record("ffffffffffffffffffffffffffffffff", "n2")); // never committed
        first.abandon(); // kill -9: no close, nothing more written

        MvStoreLedger again = MvStoreLedger.open(dir);
        try {
            FileRecord r = again.file("0123456789abcdef0123456789abcdef").orElseThrow();
            assertEquals("n1", r.shards().get(0).nodeId());
            assertArrayEquals(new byte[] { 1, 2, 3 }, r.shards().get(0).auditRecord());
            assertEquals("block-size=1024,blocks=460", r.auditParameters());
            NodeRecord n = again.node("n1").orElseThrow();
            assertEquals("10.0.0.1:7000", n.address());
            assertArrayEquals(new double[] { 0.5, 3 }, n.reputation());
            assertEquals(new ShardState(4, true), again.shard("0123456789abcdef0123456789abcdef.1"));
            assertEquals(ShardState.FRESH, again.shard("0123456789abcdef0123456789abcdef.0"));
            assertFalse(again.file("ffffffffffffffffffffffffffffffff").isPresent(), "an uncommitted write is not there after a crash");
            assertEquals(List.of("0123456789abcdef0123456789abcdef"), again.fileIds());
        } finally {
            again.close();
        }
    }

    @Test
    void whatWasCommittedSurvivesKillMinusNineOfTheWritingProcess() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), LedgerCrashChild.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("committed")) {
                seen.append(line).append('\n');
            }
            assertEquals("committed", line, "the child did not commit: " + seen);
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        MvStoreLedger again = MvStoreLedger.open(dir);
        try {
            assertEquals("n1", again.file("0123456789abcdef0123456789abcdef").orElseThrow().shards().get(0).nodeId());
            assertArrayEquals(new double[] { 1, 2 }, again.node("n1").orElseThrow().reputation());
            assertFalse(again.file("ffffffffffffffffffffffffffffffff").isPresent());
        } finally {
            again.close();
        }
    }

    @Test
    void anOrderlyCloseKeepsEverythingAndTheFileIsInTheDataDirectory() {
        MvStoreLedger l = MvStoreLedger.open(dir);
        l.putNode(new NodeRecord("n1", new byte[] { 1 }, "h:1", 1, new double[0], true));
        l.commit();
        l.close();
        assertTrue(dir.resolve(MvStoreLedger.FILE).toFile().isFile());
        MvStoreLedger again = MvStoreLedger.open(dir);
        assertTrue(again.node("n1").orElseThrow().disqualified());
        again.close();
    }
}
