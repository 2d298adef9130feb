package org.peerlab.crypto.api;

/** Which side of a key exchange a session plays. */
public enum Role {
    /** Speaks first. */
    INITIATOR,
    /** Answers. */
    RESPONDER
}
