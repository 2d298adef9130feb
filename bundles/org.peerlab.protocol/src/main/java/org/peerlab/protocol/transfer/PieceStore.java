package org.peerlab.protocol.transfer;

import java.io.IOException;
import java.util.BitSet;

import org.peerlab.protocol.ProtocolException;

/**
 * Where a receiving session keeps what it receives. A store writes into partial files and
 * records verified pieces, so that a later session with the same offer resumes; a file gets its
 * final name only in {@link #complete}.
 */
public interface PieceStore {

    /**
     * Prepares to receive an accepted offer.
     *
     * @return for each file, the pieces already verified by an earlier session (empty sets when new)
     * @throws ProtocolException REFUSED when the offer cannot be stored as asked (for example a
     *                           file that already exists under the final name)
     * @throws IOException       for storage errors
     */
    BitSet[] begin(Manifest manifest) throws IOException, ProtocolException;

    /**
     * The complete hash list of {@code file} (32 bytes per piece), already checked against the
     * file's root; given before any piece of the file is written. A store that keeps pieces for a
     * later session keeps this list with them, so that the later session can check, piece by
     * piece, that what it finds on disk is still what was verified (a crash or power loss can
     * leave the bookkeeping ahead of the data). Ignored by default.
     */
    default void hashes(int file, byte[] hashes) throws IOException {
    }

    /**
     * Writes the bytes of a piece whose hash check is still under way (a driver checking pieces
     * on another thread lets the session write meanwhile). The store must not count the piece as
     * verified: {@link #write} follows with the same bytes once the check passed, or never, and a
     * piece that never gets its {@code write} must not be claimed by a later session. Does
     * nothing by default (then {@code write} writes the bytes).
     */
    default void stage(int file, int piece, byte[] data, int offset, int length) throws IOException {
    }

    /** Writes a verified piece (a store may skip the bytes if it {@linkplain #stage staged} them) and records it. */
    void write(int file, int piece, byte[] data, int offset, int length) throws IOException;

    /** All pieces of {@code file} are verified against its root: give it its final name. */
    void complete(int file) throws IOException;

    /** Every file is complete and the sender has been told: drop the bookkeeping. Must not throw. */
    void finished();

    /** The session ended early: keep what was verified for a resume. Must not throw. */
    void suspend();
}
