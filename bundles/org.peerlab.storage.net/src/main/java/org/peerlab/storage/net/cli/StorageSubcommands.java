package org.peerlab.storage.net.cli;

import java.util.ArrayList;
import java.util.List;

/** The subcommands of {@code peerlab storage}; each process role adds its own here. */
final class StorageSubcommands {

    private StorageSubcommands() {
    }

    static List<StorageSubcommand> all() {
        List<StorageSubcommand> list = new ArrayList<>();
        // coordinator, node, put, get, info, peers are added here as they land
        list.add(new org.peerlab.storage.net.node.NodeCommand());
        list.add(new org.peerlab.storage.net.coordinator.CoordinatorCommand());
        list.add(new org.peerlab.storage.net.client.PutCommand());
        list.add(new org.peerlab.storage.net.client.GetCommand());
        list.add(new org.peerlab.storage.net.client.InfoCommand());
        list.add(new org.peerlab.storage.net.client.PeersCommand());
        return list;
    }
}
