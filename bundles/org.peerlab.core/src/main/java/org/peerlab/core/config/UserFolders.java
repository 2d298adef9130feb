package org.peerlab.core.config;

import java.nio.file.Path;

/**
 * Where PeerLab keeps a user's files. Configuration (paired devices, installed plugins, workbench
 * preferences): {@code $PEERLAB_CONFIG}, else {@code $XDG_CONFIG_HOME/peerlab}, else
 * {@code ~/.config/peerlab}. Data (the workbench's finished runs and scenarios):
 * {@code $PEERLAB_DATA}, else {@code $XDG_DATA_HOME/peerlab}, else {@code ~/.local/share/peerlab}.
 */
public final class UserFolders {

    private UserFolders() {
    }

    /** @return the configuration folder, as documented above (not created) */
    public static Path config() {
        return folder("PEERLAB_CONFIG", "XDG_CONFIG_HOME", ".config");
    }

    /** @return the data folder, as documented above (not created) */
    public static Path data() {
        return folder("PEERLAB_DATA", "XDG_DATA_HOME", ".local/share");
    }

    private static Path folder(String own, String xdg, String underHome) {
        String explicit = System.getenv(own);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String base = System.getenv(xdg);
        return (base != null && !base.isBlank() ? Path.of(base) : Path.of(System.getProperty("user.home"), underHome))
                .resolve("peerlab");
    }
}
