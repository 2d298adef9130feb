package org.peerlab.protocol.transfer;

import java.security.MessageDigest;

/**
 * One received, decrypted piece waiting to be checked against its SHA-256 leaf hash. A
 * {@link ReceiveSession} makes one per piece and offers it to its driver through
 * {@link TransferListener#offload}; {@link #run()} is pure computation over the piece's own bytes
 * and may run on any thread. Everything else about the piece stays with the session, which
 * records pieces as verified only once checked, in the order they arrived (it may write a
 * piece's bytes into the store before: see {@link PieceStore#stage}).
 */
public final class PieceCheck implements Runnable {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Merkle::sha256);

    final int file;
    final int piece;
    final byte[] data;
    final byte[] expected;
    private volatile boolean matches;
    private volatile boolean done;

    PieceCheck(int file, int piece, byte[] data, byte[] expected) {
        this.file = file;
        this.piece = piece;
        this.data = data;
        this.expected = expected;
    }

    /** Hashes the piece and compares; never throws (a failure to hash counts as a mismatch). */
    @Override
    public void run() {
        try {
            matches = MessageDigest.isEqual(Merkle.leaf(DIGEST.get(), data, 0, data.length), expected);
        } catch (RuntimeException e) {
            matches = false;
        } finally {
            done = true;
        }
    }

    /** @return the piece's length in bytes (what a driver bounds the memory of pending checks by) */
    public int length() {
        return data.length;
    }

    boolean done() {
        return done;
    }

    boolean matches() {
        return matches;
    }
}
