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

    /** Writes a verified piece. */
    void write(int file, int piece, byte[] data, int offset, int length) throws IOException;

    /** All pieces of {@code file} are verified against its root: give it its final name. */
    void complete(int file) throws IOException;

    /** Every file is complete and the sender has been told: drop the bookkeeping. Must not throw. */
    void finished();

    /** The session ended early: keep what was verified for a resume. Must not throw. */
    void suspend();
}
