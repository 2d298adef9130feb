/** Where PeerLab keeps a user's configuration and data. */
package org.peerlab.core.config;
