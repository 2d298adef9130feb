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
        return list;
    }
}
