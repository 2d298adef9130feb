package org.peerlab.storage.node;

import java.util.regex.Pattern;

import org.peerlab.storage.wire.StorageCodec;

/**
 * Shard names as {@link org.peerlab.storage.wire.Order#shardName} makes them: a file id of 32
 * lower-case hex digits, a dot, and the shard's index (0 to {@value StorageCodec#MAX_SHARDS} - 1,
 * without leading zeros). Nothing else is accepted, so a name is always a safe file name.
 */
public final class ShardNames {

    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.(0|[1-9][0-9]{0,2})");

    private ShardNames() {
    }

    /** @return whether {@code name} is a shard name */
    public static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches()
                && Integer.parseInt(name.substring(name.indexOf('.') + 1)) < StorageCodec.MAX_SHARDS;
    }

    /**
     * @return {@code name}
     * @throws IllegalArgumentException if it is not a shard name (the message quotes it)
     */
    public static String check(String name) {
        if (!valid(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a shard name (<32 hex digit file id>.<index below "
                    + StorageCodec.MAX_SHARDS + ">)");
        }
        return name;
    }
}
