package org.peerlab.sim.net;

import java.security.MessageDigest;
import java.util.BitSet;

import org.peerlab.protocol.transfer.Manifest;
import org.peerlab.protocol.transfer.PieceStore;

/**
 * A receiver's {@link PieceStore} that keeps nothing: it hashes what is written, in order, so
 * that the whole received content can be compared with the sender's SHA-256 in constant memory.
 * With payload elision it only counts bytes. Every offer starts from nothing (no resume).
 */
final class VerifyingStore implements PieceStore {

    private final byte[] expected;
    private final MessageDigest digest;
    private long bytes;
    private int nextPiece;
    private boolean inOrder = true;
    private boolean completed;
    private boolean matched;

    /** @param expected SHA-256 of the content, or null to count bytes only (elided payload) */
    VerifyingStore(byte[] expected) {
        this.expected = expected;
        this.digest = expected == null ? null : org.peerlab.protocol.transfer.Merkle.sha256();
    }

    @Override
    public BitSet[] begin(Manifest manifest) {
        BitSet[] none = new BitSet[manifest.files().size()];
        for (int i = 0; i < none.length; i++) {
            none[i] = new BitSet();
        }
        return none;
    }

    @Override
    public void write(int file, int piece, byte[] data, int offset, int length) {
        if (file != 0 || piece != nextPiece) {
            inOrder = false;
        }
        nextPiece = piece + 1;
        bytes += length;
        if (digest != null) {
            digest.update(data, offset, length);
        }
    }

    @Override
    public void complete(int file) {
        completed = true;
        matched = digest == null || MessageDigest.isEqual(expected, digest.digest());
    }

    @Override
    public void finished() {
    }

    @Override
    public void suspend() {
    }

    /** @return bytes written */
    long bytes() {
        return bytes;
    }

    /** @return whether the content was completed, in order, and (unless elided) hashes to the expected SHA-256 */
    boolean verified() {
        return completed && inOrder && matched;
    }
}
