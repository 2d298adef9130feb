package org.peerlab.protocol.transfer;

import java.io.IOException;

/** Where a sending session reads the offered files' bytes. */
@FunctionalInterface
public interface FileSource {

    /**
     * Reads exactly {@code length} bytes of file {@code file} (its index in the manifest) at
     * {@code offset} into {@code buffer}.
     *
     * @throws IOException if the bytes cannot be read, or the file changed since it was offered
     *                     (the receiver checks every piece against its hash in any case)
     */
    void read(int file, long offset, byte[] buffer, int length) throws IOException;
}
