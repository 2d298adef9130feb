package org.peerlab.protocol.transfer;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.peerlab.crypto.api.Role;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;
import org.peerlab.protocol.wire.MessageType;
import org.peerlab.protocol.wire.WireReader;
import org.peerlab.protocol.wire.WireWriter;

/**
 * The receiving side, the initiator of the handshake. It collects the offer, reports it through
 * {@link TransferListener#offered}, and on {@link #accept()} tells the sender which pieces it
 * already has (HAVE) and accepts. It then expects, file by file, the full hash list (checked
 * against the file's root) followed by every missing piece in ascending order; each piece is
 * checked against its hash before it is written, and a file whose pieces are all verified is
 * completed (given its final name). After DONE, once every piece is checked, it answers with
 * RECEIPT. Anything out of order is a failure; nothing unverified is ever written as verified or
 * completed. The hash checks may run on the driver's threads ({@link TransferListener#offload}):
 * decryption and ordering checks happen as messages arrive, and pieces are written, recorded and
 * counted as progress when their checks come back, in arrival order.
 */
public final class ReceiveSession extends TransferSession {

    private final PieceStore store;
    /** Pieces received and awaiting their hash check, in arrival order. */
    private final ArrayDeque<PieceCheck> checking = new ArrayDeque<>();
    private boolean doneReceived;
    private int pieceSize;
    private int fileCount = -1;
    private long total;
    private final List<FileEntry> offered = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();
    private final Set<String> folders = new HashSet<>();
    private Manifest manifest;
    private BitSet[] have;
    private int file;
    private byte[] hashes;
    private int hashesReceived;
    private int nextPiece;
    private long done;
    private long resumed;

    public ReceiveSession(TransferConfig config, PieceStore store, TransferListener listener) {
        super(Role.INITIATOR, config, listener);
        this.store = store;
    }

    @Override
    protected void authenticated() {
        state = State.OFFER;
    }

    @Override
    protected void received(MessageType type, byte[] wire) throws ProtocolException {
        if (state == State.OFFER && type == MessageType.OFFER) {
            offer(open(wire, 0, "OFFER"));
        } else if (state == State.TRANSFER && file >= manifest.files().size() && type != MessageType.DONE) {
            throw new ProtocolException(Reason.UNEXPECTED_MESSAGE, type + " after every file was complete");
        } else if (state == State.TRANSFER && type == MessageType.HASHES) {
            hashes(wire);
        } else if (state == State.TRANSFER && type == MessageType.CHUNK) {
            chunk(wire);
        } else if (state == State.TRANSFER && type == MessageType.DONE && !doneReceived) {
            new WireReader(open(wire, 0, "DONE"), "DONE").end();
            if (file < manifest.files().size()) {
                throw new ProtocolException(Reason.INTEGRITY_FAILED, "the sender ended the transfer early, at " + manifest.files().get(file).path()
                        + " piece " + nextPiece + "; nothing incomplete was given its final name");
            }
            doneReceived = true;
            drain();
        } else {
            throw unexpected(type);
        }
    }

    private void offer(byte[] plain) throws ProtocolException {
        WireReader r = new WireReader(plain, "OFFER");
        int size = r.u32("piece size", Manifest.MAX_PIECE);
        int count = r.u32("file count", Manifest.MAX_FILES);
        long totalBytes = r.u64("total bytes", Long.MAX_VALUE);
        int first = r.u32("first index", Manifest.MAX_FILES);
        int n = r.u32("entries", Manifest.MAX_FILES);
        if (fileCount < 0) {
            if (Integer.bitCount(size) != 1 || size < Manifest.MIN_PIECE) {
                throw new ProtocolException(Reason.MALFORMED, "OFFER: piece size " + size + " is not a power of two from " + Manifest.MIN_PIECE
                        + " to " + Manifest.MAX_PIECE);
            }
            pieceSize = size;
            fileCount = count;
            total = totalBytes;
        } else if (size != pieceSize || count != fileCount || totalBytes != total) {
            throw new ProtocolException(Reason.MALFORMED, "OFFER parts disagree about piece size, file count or total");
        }
        if (first != offered.size() || n > count - first || n == 0 && count > 0) {
            throw new ProtocolException(Reason.MALFORMED, "OFFER part starts at " + first + " with " + n + " entries; expected " + offered.size()
                    + " of " + count);
        }
        for (int i = 0; i < n; i++) {
            String path = r.text("path", SafePath.MAX_BYTES);
            long fileSize = r.u64("size", Manifest.MAX_FILE_SIZE);
            byte[] root = r.fixed(Merkle.HASH, "root");
            SafePath.check(path);
            if (!paths.add(path)) {
                throw new ProtocolException(Reason.REFUSED, "the offer names " + path + " twice");
            }
            if (folders.contains(path)) {
                throw new ProtocolException(Reason.REFUSED, "the offer names " + path + " both as a file and as a folder");
            }
            for (String prefix = parent(path); prefix != null && folders.add(prefix); prefix = parent(prefix)) {
                if (paths.contains(prefix)) {
                    throw new ProtocolException(Reason.REFUSED, "the offer names " + prefix + " both as a file and as a folder");
                }
            }
            offered.add(new FileEntry(path, fileSize, root, null));
        }
        r.end();
        if (offered.size() < fileCount) {
            return;
        }
        long sum = offered.stream().mapToLong(FileEntry::size).sum();
        if (sum != total) {
            throw new ProtocolException(Reason.MALFORMED, "OFFER total of " + total + " bytes does not match its files' " + sum);
        }
        manifest = new Manifest(pieceSize, offered);
        state = State.DECIDE;
        listener.offered(manifest);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }

    /** Accepts the offer: resumes from what the store already holds. */
    public void accept() {
        if (state != State.DECIDE) {
            throw new IllegalStateException("no offer to accept (state " + state + ")");
        }
        try {
            have = store.begin(manifest);
            if (have.length != manifest.files().size()) {
                throw new IllegalStateException("the store answered for " + have.length + " files of " + manifest.files().size());
            }
            for (int i = 0; i < have.length; i++) {
                int pieces = manifest.files().get(i).pieces(pieceSize);
                have[i].clear(pieces, Math.max(pieces, have[i].length()));
                if (have[i].cardinality() > 0) {
                    byte[] bits = new byte[(pieces + 7) / 8];
                    byte[] le = have[i].toByteArray();
                    System.arraycopy(le, 0, bits, 0, Math.min(le.length, bits.length));
                    sendSealed(MessageType.HAVE, new byte[0], new WireWriter().u32(i).raw(SendSession.reverseBits(bits)).toByteArray());
                    FileEntry f = manifest.files().get(i);
                    for (int p = have[i].nextSetBit(0); p >= 0 && p < pieces; p = have[i].nextSetBit(p + 1)) {
                        resumed += f.pieceLength(p, pieceSize);
                    }
                }
            }
            sendSealed(MessageType.ACCEPT, new byte[0], new byte[0]);
            state = State.TRANSFER;
            done = resumed;
            file = -1;
            advanceFile();
            listener.progress(done, total, resumed);
        } catch (IOException e) {
            fail(new ProtocolException(Reason.LOCAL_ERROR, "cannot prepare the output: " + e.getMessage(), e), true);
        } catch (ProtocolException e) {
            fail(e, true);
        }
    }

    /** Declines the offer; the sender is told. */
    public void decline() {
        if (state != State.DECIDE) {
            throw new IllegalStateException("no offer to decline (state " + state + ")");
        }
        fail(new ProtocolException(Reason.DECLINED, "the receiver declined the offer"), true);
    }

    /** Completes every file the store holds whole, then moves to the first file with missing pieces. */
    private void advanceFile() throws IOException {
        while (++file < manifest.files().size()) {
            FileEntry f = manifest.files().get(file);
            int pieces = f.pieces(pieceSize);
            if (have[file].cardinality() >= pieces) {
                store.complete(file);
                listener.fileDone(f);
                continue;
            }
            hashes = new byte[pieces * Merkle.HASH];
            hashesReceived = 0;
            nextPiece = have[file].nextClearBit(0);
            return;
        }
    }

    private void hashes(byte[] wire) throws ProtocolException {
        WireReader h = new WireReader(java.util.Arrays.copyOfRange(wire, 2, Math.min(wire.length, 10)), "HASHES");
        long index = h.u32("file");
        long first = h.u32("first");
        byte[] plain = open(wire, 8, "HASHES");
        int pieces = hashes.length / Merkle.HASH;
        if (index != file || first != hashesReceived || plain.length == 0 || plain.length % Merkle.HASH != 0
                || hashesReceived + plain.length / Merkle.HASH > pieces) {
            throw new ProtocolException(Reason.MALFORMED, "HASHES for file " + index + " from " + first + " out of order or of wrong length");
        }
        System.arraycopy(plain, 0, hashes, hashesReceived * Merkle.HASH, plain.length);
        hashesReceived += plain.length / Merkle.HASH;
        if (hashesReceived == pieces) {
            FileEntry f = manifest.files().get(file);
            if (!MessageDigest.isEqual(Merkle.root(hashes), f.root())) {
                throw new ProtocolException(Reason.INTEGRITY_FAILED, f.path() + ": the piece hashes do not match the offered Merkle root");
            }
            try {
                store.hashes(file, hashes);
            } catch (IOException e) {
                throw new ProtocolException(Reason.LOCAL_ERROR, "cannot keep the piece hashes of " + f.path() + ": " + e.getMessage(), e);
            }
        }
    }

    private void chunk(byte[] wire) throws ProtocolException {
        WireReader h = new WireReader(java.util.Arrays.copyOfRange(wire, 2, Math.min(wire.length, 11)), "CHUNK");
        long index = h.u32("file");
        long piece = h.u32("piece");
        int flags = h.u8("flags");
        byte[] data = open(wire, 9, "CHUNK");
        FileEntry f = manifest.files().get(file);
        int pieces = hashes.length / Merkle.HASH;
        if (hashesReceived < pieces) {
            throw new ProtocolException(Reason.UNEXPECTED_MESSAGE, "CHUNK for " + f.path() + " before its hash list was complete");
        }
        if (index != file || piece != nextPiece) {
            throw new ProtocolException(Reason.UNEXPECTED_MESSAGE, "CHUNK for file " + index + " piece " + piece + " where file " + file + " piece "
                    + nextPiece + " was due");
        }
        boolean last = nextPiece == pieces - 1;
        if (flags != (last ? 1 : 0)) {
            throw new ProtocolException(Reason.MALFORMED, "CHUNK " + piece + " of " + f.path() + " has flags " + flags + "; the last-piece flag must be "
                    + (last ? "set" : "clear"));
        }
        int length = f.pieceLength(nextPiece, pieceSize);
        if (data.length != length) {
            throw new ProtocolException(Reason.INTEGRITY_FAILED, "piece " + piece + " of " + f.path() + " has " + data.length + " bytes, expected "
                    + length);
        }
        PieceCheck check = new PieceCheck(file, nextPiece, data,
                java.util.Arrays.copyOfRange(hashes, nextPiece * Merkle.HASH, (nextPiece + 1) * Merkle.HASH));
        checking.add(check);
        nextPiece = have[file].nextClearBit(nextPiece + 1);
        if (nextPiece >= pieces) {
            try {
                advanceFile();
            } catch (IOException e) {
                throw new ProtocolException(Reason.LOCAL_ERROR, "cannot complete a file: " + e.getMessage(), e);
            }
        }
        if (listener.offload(check)) {
            // the hash is computed elsewhere meanwhile: write the bytes now, record them once checked
            try {
                store.stage(check.file, check.piece, data, 0, data.length);
            } catch (IOException e) {
                throw new ProtocolException(Reason.LOCAL_ERROR, "cannot write " + f.path() + ": " + e.getMessage(), e);
            }
        } else {
            check.run();
        }
        drain();
    }

    /**
     * A piece's hash check is back (see {@link TransferListener#offload}): pieces checked by now
     * are recorded (and written, if not staged) in arrival order. Ignored once the session is over.
     */
    public void checked(PieceCheck check) {
        if (isOver()) {
            return;
        }
        try {
            drain();
        } catch (ProtocolException e) {
            fail(e, true);
        }
    }

    /** Writes the checked pieces at the head of the queue; after DONE and the last check, finishes. */
    private void drain() throws ProtocolException {
        while (!checking.isEmpty() && checking.peek().done()) {
            store(checking.poll());
        }
        if (doneReceived && checking.isEmpty()) {
            store.finished();
            sendSealed(MessageType.RECEIPT, new byte[0], new byte[0]);
            finish();
        }
    }

    private void store(PieceCheck c) throws ProtocolException {
        FileEntry f = manifest.files().get(c.file);
        if (!c.matches()) {
            throw new ProtocolException(Reason.INTEGRITY_FAILED, "piece " + c.piece + " of " + f.path() + " does not match its hash");
        }
        try {
            store.write(c.file, c.piece, c.data, 0, c.data.length);
            have[c.file].set(c.piece);
            done += c.data.length;
            listener.progress(done, total, resumed);
            if (have[c.file].cardinality() == f.pieces(pieceSize)) {
                store.complete(c.file);
                listener.fileDone(f);
            }
        } catch (IOException e) {
            throw new ProtocolException(Reason.LOCAL_ERROR, "cannot write " + f.path() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void onFailure() {
        if (have != null) {
            store.suspend();
        }
    }

    @Override
    protected String describeState() {
        return switch (state) {
            case NEW, HANDSHAKE -> "during the handshake";
            case AWAIT_IDENTITY -> "while checking identities";
            case OFFER -> "while waiting for the offer";
            case DECIDE -> "while deciding on the offer";
            case TRANSFER -> "while receiving (" + done + " of " + total + " bytes)";
            default -> "after the session ended";
        };
    }
}
