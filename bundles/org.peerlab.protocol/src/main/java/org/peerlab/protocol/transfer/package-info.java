/**
 * The transfer that follows the handshake, sans-I/O: identities, the offer (manifest with
 * SHA-256 piece hashes and Merkle roots), accept or decline, resume from verified pieces,
 * sealed chunks with counter nonces, and the final receipt. Sessions take messages and user
 * decisions in and hand messages and events out through a {@link org.peerlab.protocol.transfer.TransferListener};
 * file contents come from a {@link org.peerlab.protocol.transfer.FileSource} and go to a
 * {@link org.peerlab.protocol.transfer.PieceStore}, so the same code runs over real files,
 * sockets, or the simulator.
 */
package org.peerlab.protocol.transfer;
