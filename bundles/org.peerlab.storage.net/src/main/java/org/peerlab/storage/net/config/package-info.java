/** The storage network's configuration file and its size and duration values. */
package org.peerlab.storage.net.config;
