package org.peerlab.plugins;

/**
 * A plugin could not be installed or uninstalled. The message is meant for the user: it names
 * the file, bundle, plugin or requirement concerned and, where there is one, what to do.
 */
public class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
