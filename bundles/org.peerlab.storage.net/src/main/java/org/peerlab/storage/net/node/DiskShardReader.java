package org.peerlab.storage.net.node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.peerlab.storage.node.ShardStore;

/** Reads one shard by position, in the caller's buffer; its length is the file's size when opened. */
final class DiskShardReader implements ShardStore.Reader {

    private final String shard;
    private final FileChannel channel;
    private final long length;

    /** Takes ownership of {@code channel}. */
    DiskShardReader(String shard, FileChannel channel) throws IOException {
        this.shard = shard;
        this.channel = channel;
        try {
            this.length = channel.size();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void read(long offset, byte[] into, int at, int length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IOException("read of " + length + " bytes at " + offset + " from shard " + shard);
        }
        ByteBuffer b = ByteBuffer.wrap(into, at, length);
        while (b.hasRemaining()) {
            int n = channel.read(b, offset + b.position() - at);
            if (n < 0) {
                throw new IOException("shard " + shard + " ends at " + channel.size() + " bytes; " + length + " bytes at " + offset
                        + " asked for");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
