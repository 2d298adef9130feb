package org.peerlab.storage.wire;

/** Why a request failed, as carried by {@link StorageMessage.Error}. */
public enum ErrorCode {
    /** The message could not be parsed or broke a limit. */
    MALFORMED(1),
    /** The message was valid but not expected now. */
    UNEXPECTED(2),
    /** A signature or order did not verify, or a key does not match the one on record. */
    WRONG_KEY(3),
    /** The node has no room for the shard. */
    QUOTA(4),
    /** The file or shard does not exist. */
    NOT_FOUND(5),
    /** The shard's bytes do not match their checksum. */
    CORRUPT(6),
    /** Too large (upload size, shard, frame). */
    TOO_LARGE(7),
    /** Not enough nodes to place the shards. */
    NO_CAPACITY(8),
    /** Anything else; the message says what. */
    INTERNAL(9);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @return the code with that number, {@link #INTERNAL} for unknown numbers */
    public static ErrorCode of(int code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return INTERNAL;
    }
}
