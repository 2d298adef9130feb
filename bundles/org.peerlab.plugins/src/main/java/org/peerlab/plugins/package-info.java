/**
 * Strategy plugins: third-party bundles (a p2 repository, a zip of one, or a bare bundle jar)
 * installed into a running PeerLab and kept across restarts. {@link org.peerlab.plugins.PluginManager}
 * is the service the workbench and the command line use. Exported at version 0.1.0 (see the bundle
 * manifest).
 */
package org.peerlab.plugins;
