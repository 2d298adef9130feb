package org.peerlab.storage.net.coordinator;

import java.nio.file.Path;

import org.peerlab.storage.coordinator.NodeRecord;

/**
 * Child process for {@link MvStoreLedgerTest}: commits a file and a node in the ledger at
 * {@code args[0]}, says "committed" on stdout, writes one more file without committing, then
 * waits to be killed (kill -9).
 */
public final class LedgerCrashChild {

    private LedgerCrashChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        MvStoreLedger l = MvStoreLedger.open(Path.of(args[0]));
        l.putFile(MvStoreLedgerTest.record("0123456789abcdef0123456789abcdef", "n1"));
        l.putNode(new NodeRecord("n1", new byte[] { 9 }, "10.0.0.1:7000", 5, new double[] { 1, 2 }, false));
        l.commit();
        System.out.println("committed");
        System.out.flush();
        l.putFile(MvStoreLedgerTest.record("ffffffffffffffffffffffffffffffff", "n2"));
        Thread.sleep(600_000);
    }
}
