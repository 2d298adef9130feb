package org.peerlab.transfer.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.BitSet;
import java.util.HexFormat;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;
import org.peerlab.protocol.transfer.FileEntry;
import org.peerlab.protocol.transfer.Manifest;
import org.peerlab.protocol.transfer.Merkle;
import org.peerlab.protocol.transfer.PieceStore;

/**
 * Receives into a folder. Each file is written to {@code OUT/.peerlab-partial/KEY.part}, with
 * its verified pieces recorded in {@code KEY.state} (replaced atomically every
 * {@value #STATE_EVERY} pieces and whenever the session stops), where KEY is derived from the
 * file's path, size and root, so the same offer resumes and a different one starts afresh. A
 * file is moved to its final name only when all its pieces verified; a final name that already
 * exists (and was not completed by this same offer) is refused before anything is received.
 * A file is flushed to disk before it gets its final name; to keep that flush short, what has
 * been written is flushed in the background every {@value #FLUSH_EVERY_MIB} MiB while receiving.
 * Pieces {@linkplain #stage staged} ahead of their hash check are in the partial file but not in
 * the record until {@link #write} confirms them.
 * <p>
 * The recorded pieces are not trusted blindly on resume: beside the state goes the file's hash
 * list ({@code KEY.hashes}), and {@link #begin} claims a recorded piece only if the list still
 * matches the file's root and the piece on disk still matches its hash. A crash of the machine
 * can leave the record ahead of the data that reached the disk, and anything can change a file
 * lying in a folder; such pieces are simply received again.
 */
public final class DiskStore implements PieceStore {

    /** Folder inside the output folder holding partial files and their state. */
    public static final String PARTIAL = ".peerlab-partial";
    static final int STATE_EVERY = 32;
    static final int FLUSH_EVERY_MIB = 64;
    private static final byte[] MAGIC = "PLPART1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HASHES_MAGIC = "PLHASH1\n".getBytes(StandardCharsets.US_ASCII);

    private final Path out;
    private final Path partial;
    private Manifest manifest;
    private BitSet[] have;
    private boolean[] promoted;
    /** Each file's verified hash list once known, and whether it is on disk beside the state. */
    private byte[][] hashLists;
    private boolean[] hashesSaved;
    /** Pieces written ahead of their hash check and not yet recorded (see {@link #stage}). */
    private BitSet[] staged;
    private long recheckedBytes;
    private long droppedPieces;
    private long recheckTotal;
    private CheckProgress checkProgress = (checked, total) -> { };
    private int open = -1;
    private FileChannel channel;
    private int sinceState;
    private long unflushed;
    private java.util.concurrent.ExecutorService flusher;
    private java.util.concurrent.Future<?> flushing;

    /** Hears how far {@link #begin} has got in reading back and checking what an earlier session kept. */
    @FunctionalInterface
    public interface CheckProgress {
        /** @param checked bytes read back and hashed so far, of {@code total} to check */
        void checked(long checked, long total);
    }

    /** @param out the output folder (created if missing) */
    public DiskStore(Path out) {
        this.out = out.toAbsolutePath().normalize();
        this.partial = this.out.resolve(PARTIAL);
    }

    /**
     * Reports the progress of the resume check in {@link #begin} (re-reading kept pieces takes
     * about 0.6 s per GiB on the machines measured); told once with the total before the first
     * piece and after every piece, and not at all when nothing was kept.
     *
     * @return this store
     */
    public DiskStore onCheckProgress(CheckProgress progress) {
        this.checkProgress = progress;
        return this;
    }

    @Override
    public BitSet[] begin(Manifest m) throws IOException, ProtocolException {
        Files.createDirectories(partial);
        Path realOut = out.toRealPath();
        manifest = m;
        int n = m.files().size();
        have = new BitSet[n];
        promoted = new boolean[n];
        hashLists = new byte[n][];
        hashesSaved = new boolean[n];
        staged = new BitSet[n];
        java.util.Arrays.setAll(staged, i -> new BitSet());
        recheckedBytes = 0;
        droppedPieces = 0;
        State[] states = new State[n];
        recheckTotal = 0;
        for (int i = 0; i < n; i++) {
            states[i] = readState(i);
            if (states[i] != null && !completed(states[i], m.files().get(i))) {
                recheckTotal += recordedBytes(m.files().get(i), states[i].pieces);
            }
        }
        if (recheckTotal > 0) {
            checkProgress.checked(0, recheckTotal);
        }
        for (int i = 0; i < n; i++) {
            FileEntry f = m.files().get(i);
            Path target = target(f);
            have[i] = new BitSet();
            State s = states[i];
            if (s != null && completed(s, f)) {
                have[i].set(0, f.pieces(m.pieceSize()));
                promoted[i] = true;
                continue;
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new ProtocolException(Reason.REFUSED, f.path() + " already exists in " + out + "; move it away or receive into another folder");
            }
            checkInside(realOut, target);
            if (s != null && Files.isRegularFile(part(i))) {
                have[i] = stillIntact(i, s.pieces);
            } else if (s != null) {
                skipRecheck(recordedBytes(f, s.pieces)); // the partial file is gone: nothing to read back
            }
        }
        return java.util.Arrays.stream(have).map(b -> (BitSet) b.clone()).toArray(BitSet[]::new);
    }

    /**
     * @return the pieces of {@code recorded} that the file's kept hash list (itself checked
     *         against the root) confirms on disk; none if the list is missing or does not match
     */
    private BitSet stillIntact(int i, BitSet recorded) throws IOException {
        FileEntry f = manifest.files().get(i);
        int size = manifest.pieceSize();
        byte[] list = readHashes(i, f.pieces(size));
        BitSet intact = new BitSet();
        if (list == null || !MessageDigest.isEqual(Merkle.root(list), f.root())) {
            droppedPieces += recorded.cardinality();
            skipRecheck(recordedBytes(f, recorded));
            return intact;
        }
        hashLists[i] = list;
        hashesSaved[i] = true;
        MessageDigest digest = Merkle.sha256();
        byte[] buffer = new byte[size];
        try (FileChannel ch = FileChannel.open(part(i), StandardOpenOption.READ)) {
            for (int p = recorded.nextSetBit(0); p >= 0 && p < f.pieces(size); p = recorded.nextSetBit(p + 1)) {
                int length = f.pieceLength(p, size);
                ByteBuffer b = ByteBuffer.wrap(buffer, 0, length);
                long pos = (long) p * size;
                while (b.hasRemaining()) {
                    int r = ch.read(b, pos);
                    if (r < 0) {
                        break;
                    }
                    pos += r;
                }
                recheckedBytes += length;
                checkProgress.checked(recheckedBytes, recheckTotal);
                if (!b.hasRemaining() && MessageDigest.isEqual(Merkle.leaf(digest, buffer, 0, length),
                        java.util.Arrays.copyOfRange(list, p * Merkle.HASH, (p + 1) * Merkle.HASH))) {
                    intact.set(p);
                } else {
                    droppedPieces++;
                }
            }
        }
        return intact;
    }

    /** @return whether an earlier session gave {@code f} its final name and the file is still there, whole */
    private boolean completed(State s, FileEntry f) throws IOException, ProtocolException {
        Path target = target(f);
        return s.promoted && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == f.size();
    }

    /** Bytes of recorded pieces within the file's length. */
    private long recordedBytes(FileEntry f, BitSet recorded) {
        int size = manifest.pieceSize();
        long bytes = 0;
        for (int p = recorded.nextSetBit(0); p >= 0 && p < f.pieces(size); p = recorded.nextSetBit(p + 1)) {
            bytes += f.pieceLength(p, size);
        }
        return bytes;
    }

    /** Recorded pieces that cannot be checked (no usable hash list or partial file) count as checked for progress. */
    private void skipRecheck(long bytes) {
        recheckTotal -= bytes;
        if (bytes > 0 && recheckTotal > 0) {
            checkProgress.checked(recheckedBytes, recheckTotal);
        }
    }

    /**
     * @return how many bytes of recorded pieces {@link #begin} read back and checked, and how
     *         many recorded pieces it dropped because they no longer matched (or could not be
     *         checked): {@code [bytes, pieces]}
     */
    public long[] resumeCheck() {
        return new long[] { recheckedBytes, droppedPieces };
    }

    /** The nearest existing ancestor of {@code target} must resolve, links followed, inside the output folder. */
    private void checkInside(Path realOut, Path target) throws IOException, ProtocolException {
        Path p = target.getParent();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null || !p.toRealPath().startsWith(realOut)) {
            throw new ProtocolException(Reason.REFUSED, target + " would be written outside " + out + " (through a link)");
        }
    }

    private Path target(FileEntry f) throws ProtocolException {
        Path t = out.resolve(f.path()).normalize();
        if (!t.startsWith(out) || t.equals(out) || t.startsWith(partial)) {
            throw new ProtocolException(Reason.REFUSED, "offered name " + f.path() + " would be written outside " + out);
        }
        return t;
    }

    private String key(int i) {
        FileEntry f = manifest.files().get(i);
        MessageDigest d = Merkle.sha256();
        d.update(f.path().getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(ByteBuffer.allocate(12).putLong(f.size()).putInt(manifest.pieceSize()).array());
        d.update(f.root());
        return HexFormat.of().formatHex(d.digest(), 0, 16);
    }

    private Path part(int i) {
        return partial.resolve(key(i) + ".part");
    }

    private Path stateFile(int i) {
        return partial.resolve(key(i) + ".state");
    }

    private Path hashesFile(int i) {
        return partial.resolve(key(i) + ".hashes");
    }

    /** @return the kept hash list of {@code pieces} hashes, or null if none or unreadable */
    private byte[] readHashes(int i, int pieces) {
        try {
            byte[] b = Files.readAllBytes(hashesFile(i));
            if (b.length != HASHES_MAGIC.length + (long) pieces * Merkle.HASH
                    || !java.util.Arrays.equals(b, 0, HASHES_MAGIC.length, HASHES_MAGIC, 0, HASHES_MAGIC.length)) {
                return null;
            }
            return java.util.Arrays.copyOfRange(b, HASHES_MAGIC.length, b.length);
        } catch (IOException e) {
            return null;
        }
    }

    /** Replaces {@code target} with {@code content} atomically where the file system can. */
    private void replace(Path target, byte[] content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, content);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void hashes(int file, byte[] hashes) {
        if (hashLists[file] == null || !java.util.Arrays.equals(hashLists[file], hashes)) {
            hashLists[file] = hashes;
            hashesSaved[file] = false;
        }
    }

    private record State(boolean promoted, BitSet pieces) {
    }

    /** @return the recorded state, or null if none or unreadable (then the file starts afresh) */
    private State readState(int i) {
        try {
            byte[] b = Files.readAllBytes(stateFile(i));
            if (b.length < MAGIC.length + 1 || !java.util.Arrays.equals(b, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                return null;
            }
            int pieces = manifest.files().get(i).pieces(manifest.pieceSize());
            byte[] bits = java.util.Arrays.copyOfRange(b, MAGIC.length + 1, b.length);
            if (bits.length != (pieces + 7) / 8) {
                return null;
            }
            return new State(b[MAGIC.length] == 1, BitSet.valueOf(bits));
        } catch (IOException e) {
            return null;
        }
    }

    private void writeState(int i, boolean done) throws IOException {
        int pieces = manifest.files().get(i).pieces(manifest.pieceSize());
        byte[] bits = java.util.Arrays.copyOf(have[i].toByteArray(), (pieces + 7) / 8);
        byte[] b = new byte[MAGIC.length + 1 + bits.length];
        System.arraycopy(MAGIC, 0, b, 0, MAGIC.length);
        b[MAGIC.length] = (byte) (done ? 1 : 0);
        System.arraycopy(bits, 0, b, MAGIC.length + 1, bits.length);
        if (!done && !hashesSaved[i] && hashLists[i] != null) {
            // the list first: a state whose list is missing is not trusted on resume
            byte[] h = new byte[HASHES_MAGIC.length + hashLists[i].length];
            System.arraycopy(HASHES_MAGIC, 0, h, 0, HASHES_MAGIC.length);
            System.arraycopy(hashLists[i], 0, h, HASHES_MAGIC.length, hashLists[i].length);
            replace(hashesFile(i), h);
            hashesSaved[i] = true;
        }
        replace(stateFile(i), b);
        if (done) {
            Files.deleteIfExists(hashesFile(i));
        }
    }

    private FileChannel channel(int i) throws IOException {
        if (open != i) {
            closeChannel();
            channel = FileChannel.open(part(i), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            open = i;
        }
        return channel;
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            if (open >= 0 && !promoted[open]) {
                writeState(open, false);
            }
            channel.close();
            channel = null;
            open = -1;
        }
    }

    @Override
    public void stage(int file, int piece, byte[] data, int offset, int length) throws IOException {
        writeBytes(file, piece, data, offset, length);
        staged[file].set(piece);
    }

    @Override
    public void write(int file, int piece, byte[] data, int offset, int length) throws IOException {
        if (staged[file].get(piece)) {
            staged[file].clear(piece); // its bytes are in the partial file already
        } else {
            writeBytes(file, piece, data, offset, length);
        }
        have[file].set(piece);
        if (++sinceState >= STATE_EVERY) {
            writeState(file, false);
            sinceState = 0;
        }
    }

    /** Writes a piece's bytes into the partial file (not recording it); flushes in the background every so often. */
    private void writeBytes(int file, int piece, byte[] data, int offset, int length) throws IOException {
        FileChannel ch = channel(file);
        ByteBuffer b = ByteBuffer.wrap(data, offset, length);
        long pos = (long) piece * manifest.pieceSize();
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
        unflushed += length;
        if (unflushed >= (long) FLUSH_EVERY_MIB << 20 && (flushing == null || flushing.isDone())) {
            unflushed = 0;
            flushing = flusher().submit(() -> {
                try {
                    ch.force(false);
                } catch (IOException e) {
                    // closed meanwhile, or a disk error that the flush before promotion reports
                }
            });
        }
    }

    /** The thread that flushes written data while more arrives (a daemon: it never holds up an exit). */
    private java.util.concurrent.ExecutorService flusher() {
        if (flusher == null) {
            flusher = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "peerlab-flush");
                t.setDaemon(true);
                return t;
            });
        }
        return flusher;
    }

    private void stopFlusher() {
        if (flusher != null) {
            flusher.shutdown();
            flusher = null;
            flushing = null;
        }
    }

    @Override
    public void complete(int file) throws IOException {
        if (promoted[file]) {
            return;
        }
        FileEntry f = manifest.files().get(file);
        Path target;
        try {
            target = target(f);
            Files.createDirectories(target.getParent());
            checkInside(out.toRealPath(), target);
        } catch (ProtocolException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (open == file) {
            channel.force(true);
            channel.close();
            channel = null;
            open = -1;
        } else if (!Files.exists(part(file))) {
            Files.createFile(part(file));
        } else {
            // written through a channel that has moved on to a later file (pieces staged ahead)
            try (FileChannel ch = FileChannel.open(part(file), StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null, "appeared while receiving; the verified data stays in " + part(file));
        }
        try {
            Files.move(part(file), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part(file), target);
        }
        promoted[file] = true;
        writeState(file, true);
    }

    @Override
    public void finished() {
        stopFlusher();
        try {
            closeChannel();
            for (int i = 0; i < manifest.files().size(); i++) {
                Files.deleteIfExists(stateFile(i));
                Files.deleteIfExists(hashesFile(i));
            }
            try (var left = Files.list(partial)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(partial);
                }
            }
        } catch (IOException e) {
            // only bookkeeping is left behind; the files themselves are complete
        }
    }

    @Override
    public void suspend() {
        stopFlusher();
        try {
            if (channel != null) {
                channel.force(false);
            }
            closeChannel();
        } catch (IOException e) {
            // the state on disk is older than the data: those pieces are received again
        }
    }
}
