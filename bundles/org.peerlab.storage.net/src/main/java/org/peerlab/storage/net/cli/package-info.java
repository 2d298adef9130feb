/** The {@code peerlab storage} command and its subcommands. */
package org.peerlab.storage.net.cli;
