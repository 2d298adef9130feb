/**
 * Commands of the headless {@code peerlab} application. A bundle adds a command by registering
 * a {@link org.peerlab.cli.api.Command} service; the launcher finds it by {@link Command#name()}.
 */
package org.peerlab.cli.api;
