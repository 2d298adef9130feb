package org.peerlab.protocol.transfer;

import java.io.IOException;
import java.util.BitSet;

import org.peerlab.crypto.api.Role;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;
import org.peerlab.protocol.wire.MessageType;
import org.peerlab.protocol.wire.WireReader;
import org.peerlab.protocol.wire.WireWriter;

/**
 * The sending side, the responder of the handshake. After both identities check out it sends
 * the offer, reads the receiver's HAVE sets and ACCEPT, then emits HASHES and CHUNK messages one
 * by one from {@link #pump()} (so the driver can respect backpressure), then DONE, and finishes
 * on the receiver's RECEIPT.
 */
public final class SendSession extends TransferSession {

    /** Most bytes of entries per OFFER message. */
    static final int OFFER_PART = 256 * 1024;
    /** Most hashes per HASHES message. */
    static final int HASHES_PER_MESSAGE = 16384;

    private final Manifest manifest;
    private final FileSource source;
    private final BitSet[] have;
    private byte[] buffer;
    private int file;
    private int nextHash;
    private int nextPiece;
    private long done;
    private long total;
    private long resumed;

    public SendSession(TransferConfig config, Manifest manifest, FileSource source, TransferListener listener) {
        super(Role.RESPONDER, config, listener);
        for (FileEntry f : manifest.files()) {
            if (f.hashes() == null || f.hashes().length != f.pieces(manifest.pieceSize()) * Merkle.HASH) {
                throw new IllegalArgumentException(f.path() + ": the sender's manifest needs every piece hash");
            }
        }
        this.manifest = manifest;
        this.source = source;
        this.have = new BitSet[manifest.files().size()];
        this.total = manifest.totalBytes();
    }

    @Override
    protected void authenticated() {
        state = State.OFFER;
        int count = manifest.files().size();
        int index = 0;
        do {
            WireWriter entries = new WireWriter();
            int first = index;
            while (index < count && entries.size() < OFFER_PART) {
                FileEntry f = manifest.files().get(index++);
                entries.text(f.path()).u64(f.size()).raw(f.root());
            }
            byte[] plain = new WireWriter().u32(manifest.pieceSize()).u32(count).u64(total).u32(first).u32(index - first)
                    .raw(entries.toByteArray()).toByteArray();
            sendSealed(MessageType.OFFER, new byte[0], plain);
        } while (index < count);
    }

    @Override
    protected void received(MessageType type, byte[] wire) throws ProtocolException {
        if (state == State.OFFER && type == MessageType.HAVE) {
            have(open(wire, 0, "HAVE"));
        } else if (state == State.OFFER && type == MessageType.ACCEPT) {
            WireReader r = new WireReader(open(wire, 0, "ACCEPT"), "ACCEPT");
            r.end();
            state = State.TRANSFER;
            for (int i = 0; i < have.length; i++) {
                if (have[i] != null) {
                    FileEntry f = manifest.files().get(i);
                    for (int p = have[i].nextSetBit(0); p >= 0; p = have[i].nextSetBit(p + 1)) {
                        resumed += f.pieceLength(p, manifest.pieceSize());
                    }
                }
            }
            done = resumed;
            buffer = new byte[manifest.pieceSize()];
            file = -1;
            advanceFile();
            listener.progress(done, total, resumed);
        } else if (state == State.CLOSING && type == MessageType.RECEIPT) {
            new WireReader(open(wire, 0, "RECEIPT"), "RECEIPT").end();
            manifest.files().forEach(listener::fileDone);
            finish();
        } else {
            throw unexpected(type);
        }
    }

    private void have(byte[] plain) throws ProtocolException {
        WireReader r = new WireReader(plain, "HAVE");
        int index = r.u32("file", manifest.files().size() - 1);
        byte[] bits = r.rest();
        int pieces = manifest.files().get(index).pieces(manifest.pieceSize());
        if (have[index] != null || bits.length != (pieces + 7) / 8) {
            throw new ProtocolException(Reason.MALFORMED, "HAVE for file " + index + ": duplicate or wrong length (" + bits.length + " bytes for "
                    + pieces + " pieces)");
        }
        BitSet set = BitSet.valueOf(reverseBits(bits));
        if (set.length() > pieces) {
            throw new ProtocolException(Reason.MALFORMED, "HAVE for file " + index + " names pieces beyond the file's " + pieces);
        }
        have[index] = set;
    }

    /** Bit i of the wire bitmap is bit (7 - i % 8) of byte i / 8 (most significant first); BitSet wants the reverse. */
    static byte[] reverseBits(byte[] bits) {
        byte[] out = new byte[bits.length];
        for (int i = 0; i < bits.length; i++) {
            out[i] = (byte) (Integer.reverse(bits[i] & 0xff) >>> 24);
        }
        return out;
    }

    /** Moves to the next file that still has pieces to send (skipping ones the receiver has whole). */
    private void advanceFile() {
        int count = manifest.files().size();
        while (++file < count) {
            FileEntry f = manifest.files().get(file);
            int pieces = f.pieces(manifest.pieceSize());
            BitSet h = have[file];
            if (pieces > 0 && (h == null || h.cardinality() < pieces)) {
                nextHash = 0;
                nextPiece = nextNeeded(0);
                return;
            }
        }
    }

    private int nextNeeded(int from) {
        BitSet h = have[file];
        return h == null ? from : h.nextClearBit(from);
    }

    /** @return whether the session has messages to send now (the driver calls {@link #pump()} while so and writable) */
    public boolean wantsToSend() {
        return state == State.TRANSFER;
    }

    /**
     * Emits the next message of the transfer through the listener.
     *
     * @return whether more remain to be pumped
     */
    public boolean pump() {
        if (state != State.TRANSFER) {
            return false;
        }
        try {
            pumpOne();
        } catch (ProtocolException e) {
            fail(e, true);
        }
        return state == State.TRANSFER;
    }

    private void pumpOne() throws ProtocolException {
        if (file >= manifest.files().size()) {
            sendSealed(MessageType.DONE, new byte[0], new byte[0]);
            state = State.CLOSING;
            return;
        }
        FileEntry f = manifest.files().get(file);
        int pieces = f.pieces(manifest.pieceSize());
        if (nextHash < pieces) {
            int n = Math.min(HASHES_PER_MESSAGE, pieces - nextHash);
            byte[] header = new WireWriter().u32(file).u32(nextHash).toByteArray();
            sendSealed(MessageType.HASHES, header, java.util.Arrays.copyOfRange(f.hashes(), nextHash * Merkle.HASH, (nextHash + n) * Merkle.HASH));
            nextHash += n;
            return;
        }
        int length = f.pieceLength(nextPiece, manifest.pieceSize());
        try {
            source.read(file, (long) nextPiece * manifest.pieceSize(), buffer, length);
        } catch (IOException e) {
            throw new ProtocolException(Reason.LOCAL_ERROR, "cannot read " + f.path() + ": " + e.getMessage(), e);
        }
        boolean last = nextPiece == pieces - 1;
        byte[] header = new WireWriter().u32(file).u32(nextPiece).u8(last ? 1 : 0).toByteArray();
        listener.send(seal(MessageType.CHUNK, header, buffer, length));
        done += length;
        listener.progress(done, total, resumed);
        nextPiece = nextNeeded(nextPiece + 1);
        if (nextPiece >= pieces) {
            advanceFile();
        }
    }

    @Override
    protected String describeState() {
        return switch (state) {
            case NEW, HANDSHAKE -> "during the handshake";
            case AWAIT_IDENTITY -> "while checking identities";
            case OFFER, DECIDE -> "while waiting for the receiver to accept";
            case TRANSFER -> "while sending (" + done + " of " + total + " bytes)";
            case CLOSING -> "while waiting for the receiver's receipt";
            default -> "after the session ended";
        };
    }
}
