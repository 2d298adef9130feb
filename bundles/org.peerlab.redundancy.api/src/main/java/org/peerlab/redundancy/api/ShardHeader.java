package org.peerlab.redundancy.api;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The self-describing header every PeerLab shard starts with, so that any k intact shards
 * decode on their own and a damaged shard is recognised and left out. Layout, big-endian,
 * {@value #LENGTH} bytes: magic {@code "PLSH"}, format version (1), codec id, k (2 bytes),
 * n (2), shard index (2), original data length (8), payload length (4), then a CRC-32C of the
 * preceding 24 header bytes and the payload (4). The checksum catches accidental damage; it
 * does not authenticate (encryption and audits do that in the storage layer).
 *
 * @param codec          codec id ({@link #REPLICATION}, {@link #REED_SOLOMON}, or a plugin's own)
 * @param k              shards needed to decode, 1..255
 * @param n              shards made, k..256
 * @param index          this shard's position, 0..n-1
 * @param originalLength length of the encoded data in bytes
 */
public record ShardHeader(int codec, int k, int n, int index, long originalLength) {

    public static final int LENGTH = 28;
    public static final int REPLICATION = 1;
    public static final int REED_SOLOMON = 2;

    private static final int MAGIC = 0x504c5348; // "PLSH"
    private static final int VERSION = 1;

    public ShardHeader {
        if (codec < 0 || codec > 255 || k < 1 || k > 255 || n < k || n > 256 || index < 0 || index >= n || originalLength < 0) {
            throw new IllegalArgumentException("invalid shard header: codec " + codec + ", k " + k + ", n " + n + ", index " + index
                    + ", length " + originalLength);
        }
    }

    /** @return a shard holding this header and {@code payload} */
    public Shard wrap(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(LENGTH + payload.length);
        b.putInt(MAGIC).put((byte) VERSION).put((byte) codec).putShort((short) k).putShort((short) n).putShort((short) index)
                .putLong(originalLength).putInt(payload.length);
        b.position(LENGTH);
        b.put(payload);
        byte[] bytes = b.array();
        ByteBuffer.wrap(bytes, 24, 4).putInt(checksum(bytes));
        return new Shard(index, bytes);
    }

    /** A shard's header and payload once its structure and checksum are verified. */
    public record Parsed(ShardHeader header, byte[] payload) {
    }

    /**
     * Checks a shard: magic, version, field ranges, lengths, checksum, and that the index it is
     * filed under matches its header.
     *
     * @throws CorruptShardException saying what is wrong
     */
    public static Parsed parse(Shard shard) throws CorruptShardException {
        byte[] bytes = shard.data();
        String where = "shard " + shard.index();
        if (bytes.length < LENGTH) {
            throw new CorruptShardException(where + ": " + bytes.length + " bytes, shorter than the " + LENGTH + "-byte header");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.getInt() != MAGIC) {
            throw new CorruptShardException(where + ": not a PeerLab shard (bad magic)");
        }
        int version = b.get() & 0xff;
        if (version != VERSION) {
            throw new CorruptShardException(where + ": shard format version " + version + " is not supported");
        }
        int codec = b.get() & 0xff;
        int k = b.getShort() & 0xffff;
        int n = b.getShort() & 0xffff;
        int index = b.getShort() & 0xffff;
        long originalLength = b.getLong();
        int payloadLength = b.getInt();
        int stored = b.getInt();
        if (payloadLength != bytes.length - LENGTH) {
            throw new CorruptShardException(where + ": header announces " + payloadLength + " payload bytes, shard has "
                    + (bytes.length - LENGTH));
        }
        if (stored != checksum(bytes)) {
            throw new CorruptShardException(where + ": checksum mismatch (damaged)");
        }
        ShardHeader header;
        try {
            header = new ShardHeader(codec, k, n, index, originalLength);
        } catch (IllegalArgumentException e) {
            throw new CorruptShardException(where + ": " + e.getMessage());
        }
        if (index != shard.index()) {
            throw new CorruptShardException(where + ": header says it is shard " + index);
        }
        return new Parsed(header, Arrays.copyOfRange(bytes, LENGTH, bytes.length));
    }

    private static int checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, 24);
        crc.update(bytes, LENGTH, bytes.length - LENGTH);
        return (int) crc.getValue();
    }
}
