/**
 * The storage network's client over real connections: {@link org.peerlab.storage.net.client.StorageClient}
 * (put, get, info, peers) and the {@code peerlab storage put|get|info|peers} subcommands.
 */
package org.peerlab.storage.net.client;
