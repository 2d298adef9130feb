/**
 * The client's side of the data layout, without I/O: {@link org.peerlab.storage.client.SegmentLayout}
 * (where every byte lives), {@link org.peerlab.storage.client.SegmentSealer} and
 * {@link org.peerlab.storage.client.SegmentOpener} (plaintext segments to pieces and back),
 * {@link org.peerlab.storage.client.FileKey} (password or random key). The coordinator's repair
 * worker uses the layout and {@link org.peerlab.storage.client.PieceHashes} as well.
 */
package org.peerlab.storage.client;
