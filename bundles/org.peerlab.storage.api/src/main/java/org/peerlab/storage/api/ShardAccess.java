package org.peerlab.storage.api;

import java.io.IOException;

/**
 * Random read access to one stored shard, as a storage node answers an audit from it. A node
 * that lost or damaged part of the shard reads back whatever it now has; the audit decides.
 */
public interface ShardAccess {

    /** @return the shard's length in bytes */
    long length();

    /**
     * Reads exactly {@code length} bytes at {@code offset}.
     *
     * @throws IOException if the bytes cannot be read (the audit then fails)
     */
    void read(long offset, byte[] into, int at, int length) throws IOException;

    /** @return a shard held in memory */
    static ShardAccess of(byte[] bytes) {
        return new ShardAccess() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public void read(long offset, byte[] into, int at, int length) throws IOException {
                if (offset < 0 || offset + length > bytes.length) {
                    throw new IOException("read of " + length + " bytes at " + offset + " outside the shard's " + bytes.length);
                }
                System.arraycopy(bytes, (int) offset, into, at, length);
            }
        };
    }
}
