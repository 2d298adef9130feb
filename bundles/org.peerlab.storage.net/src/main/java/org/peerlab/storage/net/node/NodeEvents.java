package org.peerlab.storage.net.node;

import org.peerlab.storage.node.NodeCore;

/** What a {@link NodeServer} reports as it runs; called on its node thread. */
public interface NodeEvents {
    /** A line for the log. */
    void line(String text);

    /** The coordinator accepted the node (again, after a reconnection); clients reach it at {@code address}. */
    void registered(String nodeId, String address);

    /**
     * The coordinator link failed in a way retrying does not fix by itself (see
     * {@link NodeCore.Output#refused}); the server keeps retrying.
     *
     * @param everRegistered whether this server had registered before
     */
    void refused(String why, boolean everRegistered);
}
