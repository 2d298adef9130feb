package org.peerlab.storage.coordinator;

import java.nio.ByteBuffer;

/**
 * The coordinator's durable audit state of one stored shard.
 *
 * @param nextRound the audit round the next challenge uses (precomputed schemes spend one per round,
 *                  so a round must never be reused, not even across restarts)
 * @param failed    whether the shard failed an audit on its current node (it then counts as
 *                  unhealthy until it is rebuilt elsewhere)
 */
public record ShardState(long nextRound, boolean failed) {

    /** The state of a shard nobody has audited yet. */
    public static final ShardState FRESH = new ShardState(0, false);

    public ShardState {
        if (nextRound < 0) {
            throw new IllegalArgumentException("audit round must be >= 0, got " + nextRound);
        }
    }

    /** @return 9 bytes: the round (8, big-endian) and the failed flag (1) */
    public byte[] toBytes() {
        return ByteBuffer.allocate(9).putLong(nextRound).put((byte) (failed ? 1 : 0)).array();
    }

    /** @throws IllegalArgumentException if the bytes are not 9 bytes of a shard state */
    public static ShardState fromBytes(byte[] bytes) {
        if (bytes.length != 9 || (bytes[8] & 0xfe) != 0) {
            throw new IllegalArgumentException("unreadable shard state of " + bytes.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new ShardState(b.getLong(), b.get() == 1);
    }
}
