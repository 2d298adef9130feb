package org.peerlab.strategies.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;
import org.peerlab.protocol.handshake.HandshakeConfig;
import org.peerlab.protocol.transfer.FileEntry;
import org.peerlab.protocol.transfer.FileSource;
import org.peerlab.protocol.transfer.Manifest;
import org.peerlab.protocol.transfer.Merkle;
import org.peerlab.protocol.transfer.PeerCheck;
import org.peerlab.protocol.transfer.PeerIdentity;
import org.peerlab.protocol.transfer.ReceiveSession;
import org.peerlab.protocol.transfer.SendSession;
import org.peerlab.protocol.transfer.TransferConfig;
import org.peerlab.protocol.transfer.PieceCheck;
import org.peerlab.protocol.transfer.TransferListener;
import org.peerlab.crypto.bc.internal.Ed25519Strategy;
import org.peerlab.transfer.files.DiskStore;
import org.peerlab.transfer.files.OfferBuilder;
import org.peerlab.transfer.net.SessionDriver;

/** Sender and receiver sessions over a relay that can alter, drop or cut messages; real files on disk. */
class TransferTest {

    static final TestRegistry REGISTRY = TestRegistry.crypto();
    static final Ed25519Strategy ED25519 = new Ed25519Strategy();
    static final SigningKeyPair ALICE = ED25519.generateKeyPair();
    static final SigningKeyPair BOB = ED25519.generateKeyPair();
    static final int SMALL_PIECE = Manifest.MIN_PIECE;

    @TempDir
    Path tmp;

    /**
     * When above zero, the receiver's piece checks are taken away ({@link TransferListener#offload})
     * and run by the relay in reverse order once this many are waiting (or when nothing else
     * moves), as worker threads of a driver might complete them.
     */
    static int deferChecks;

    /** One side's record of what happened. */
    static final class Side implements TransferListener {
        final Deque<byte[]> outbox = new ArrayDeque<>();
        final List<PieceCheck> deferred = new ArrayList<>();
        ProtocolException failure;
        boolean finished;
        Manifest offered;
        PeerIdentity peer;
        final boolean accept;

        Side(boolean accept) {
            this.accept = accept;
        }

        @Override
        public void send(byte[] message) {
            outbox.add(message);
        }

        @Override
        public boolean offload(PieceCheck check) {
            if (deferChecks <= 0) {
                return false;
            }
            deferred.add(check);
            return true;
        }

        @Override
        public void authenticated(org.peerlab.protocol.handshake.SessionKeys keys, PeerIdentity p) {
            peer = p;
        }

        @Override
        public void offered(Manifest manifest) {
            offered = manifest;
        }

        @Override
        public void finished() {
            finished = true;
        }

        @Override
        public void failed(ProtocolException e) {
            failure = e;
        }

        boolean over() {
            return finished || failure != null;
        }
    }

    /** Outcome of a run: both sides and the number of bytes the sender put on the wire. */
    record Run(Side receiver, Side sender, long senderBytes, int frames) {
    }

    static TransferConfig config(String code, SigningKeyPair identity, PeerCheck check) {
        Secret secret = code == null ? null : Secret.copyOf(code.getBytes(StandardCharsets.UTF_8));
        return new TransferConfig(HandshakeConfig.defaults(REGISTRY, code == null ? null : "jpake", secret), "ed25519", identity, check);
    }

    public static TransferConfig coded(String code, SigningKeyPair identity) {
        return config(code, identity, PeerCheck.codeRequired());
    }

    /**
     * Relays messages between the two sessions. {@code tamper} may rewrite message number i (0-based,
     * in sending order, both directions); the relay cuts the connection after {@code cutAfter} messages.
     */
    static Run run(TransferConfig rc, Path out, TransferConfig sc, OfferBuilder.Offer offer, boolean accept, int tamperIndex,
            UnaryOperator<byte[]> tamper, int cutAfter) {
        return run(rc, new DiskStore(out), sc, offer.manifest(), offer.source(), accept, tamperIndex, tamper, cutAfter);
    }

    static Run run(TransferConfig rc, DiskStore store, TransferConfig sc, Manifest manifest, FileSource source, boolean accept, int tamperIndex,
            UnaryOperator<byte[]> tamper, int cutAfter) {
        Side r = new Side(accept);
        Side s = new Side(true);
        ReceiveSession receiver = new ReceiveSession(rc, store, r);
        SendSession sender = new SendSession(sc, manifest, source, s);
        receiver.start();
        sender.start();
        int count = 0;
        long senderBytes = 0;
        while (!(r.over() && s.over())) {
            if (r.offered != null && !r.over() && receiverUndecided(r)) {
                if (accept) {
                    receiver.accept();
                } else {
                    receiver.decline();
                }
                r.offered = null;
            }
            boolean moved = false;
            for (Side from : List.of(r, s)) {
                byte[] m = from.outbox.poll();
                if (m == null) {
                    continue;
                }
                moved = true;
                if (count == cutAfter) {
                    receiver.connectionLost("cut by the test");
                    sender.connectionLost("cut by the test");
                    return new Run(r, s, senderBytes, count);
                }
                byte[] delivered = count == tamperIndex ? tamper.apply(m.clone()) : m;
                count++;
                if (from == s) {
                    senderBytes += m.length;
                    receiver.onMessage(delivered);
                } else {
                    sender.onMessage(delivered);
                }
            }
            if (!r.deferred.isEmpty() && (r.deferred.size() >= deferChecks || !moved)) {
                List<PieceCheck> due = new ArrayList<>(r.deferred);
                r.deferred.clear();
                for (int i = due.size() - 1; i >= 0; i--) {
                    due.get(i).run();
                    receiver.checked(due.get(i));
                }
                moved = true;
            }
            if (!moved && sender.wantsToSend()) {
                sender.pump();
                moved = true;
            }
            if (!moved && !(r.offered != null)) {
                break;
            }
        }
        return new Run(r, s, senderBytes, count);
    }

    private static boolean receiverUndecided(Side r) {
        return r.outbox.isEmpty();
    }

    Path write(String name, byte[] content) throws IOException {
        Path p = tmp.resolve("src").resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    OfferBuilder.Offer offer(int pieceSize, Path... paths) throws IOException {
        return OfferBuilder.build(List.of(paths), pieceSize, n -> { });
    }

    void assertReceived(Run run, Path out, OfferBuilder.Offer offer) throws IOException {
        assertNull(run.receiver().failure, () -> "receiver failed: " + run.receiver().failure.getMessage());
        assertNull(run.sender().failure, () -> "sender failed: " + run.sender().failure.getMessage());
        assertTrue(run.receiver().finished && run.sender().finished);
        for (int i = 0; i < offer.files().size(); i++) {
            Path got = out.resolve(offer.manifest().files().get(i).path());
            assertArrayEquals(Files.readAllBytes(offer.files().get(i)), Files.readAllBytes(got), got.toString());
        }
        assertFalse(Files.exists(out.resolve(DiskStore.PARTIAL)), "bookkeeping is removed after success");
    }

    @Test
    void roundTripsAtEveryBoundary() throws IOException {
        int[] sizes = { 0, 1, SMALL_PIECE - 1, SMALL_PIECE, SMALL_PIECE + 1, 3 * SMALL_PIECE, 5 * SMALL_PIECE + 7 };
        for (int size : sizes) {
            Path f = write("f" + size + ".bin", random(size, size));
            OfferBuilder.Offer offer = offer(SMALL_PIECE, f);
            Path out = tmp.resolve("out" + size);
            Run run = run(coded("7-copper-lantern", BOB), out, coded("7-copper-lantern", ALICE), offer, true, -1, null, -1);
            assertReceived(run, out, offer);
            assertEquals(new PeerIdentity("ed25519", ALICE.publicKey()), run.receiver().peer, "the receiver learns the sender's identity");
            assertEquals(new PeerIdentity("ed25519", BOB.publicKey()), run.sender().peer);
        }
    }

    @Test
    void manySmallFilesInNestedFolders() throws IOException {
        Random random = new Random(5);
        for (int i = 0; i < 300; i++) {
            write("tree/d" + i % 7 + "/sub" + i % 3 + "/file-" + i + ".txt", random(random.nextInt(3000), i));
        }
        write("tree/empty.txt", new byte[0]);
        Path single = write("alone.bin", random(70_000, 9));
        OfferBuilder.Offer offer = offer(Manifest.DEFAULT_PIECE, tmp.resolve("src/tree"), single);
        assertEquals(302, offer.manifest().files().size());
        Path out = tmp.resolve("out");
        Run run = run(coded("3-a-b", BOB), out, coded("3-a-b", ALICE), offer, true, -1, null, -1);
        assertReceived(run, out, offer);
        assertTrue(Files.isRegularFile(out.resolve("tree/d3/sub1/file-10.txt")));
    }

    /** Piece checks that come back later and out of order change nothing a user can see. */
    @Test
    void piecesCheckedLaterAndOutOfOrderStillArriveWholeResumeAndRejectTampering() throws IOException {
        deferChecks = 3;
        try {
            roundTripsAtEveryBoundary();
            manySmallFilesInNestedFolders();
            resumesFromVerifiedPiecesAfterACut();
            Path f = write("deferred.bin", random(9 * SMALL_PIECE + 11, 12));
            OfferBuilder.Offer offer = offer(SMALL_PIECE, f);
            Run clean = run(coded("8-a-b", BOB), tmp.resolve("deferred-clean"), coded("8-a-b", ALICE), offer, true, -1, null, -1);
            assertReceived(clean, tmp.resolve("deferred-clean"), offer);
            for (int frame = clean.frames() - 8; frame < clean.frames(); frame++) {
                Path out = tmp.resolve("deferred-tampered-" + frame);
                Run run = run(coded("8-a-b", BOB), out, coded("8-a-b", ALICE), offer, true, frame, m -> {
                    m[m.length / 2] ^= 4;
                    return m;
                }, -1);
                assertTrue(run.receiver().failure != null || run.sender().failure != null, "frame " + frame + ": the change went unnoticed");
                if (Files.exists(out.resolve("deferred.bin"))) { // promoted only if whole and verified (a RECEIPT was the frame changed)
                    assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(out.resolve("deferred.bin")), "frame " + frame);
                }
            }
        } finally {
            deferChecks = 0;
        }
    }

    @Test
    void multiGibSparseFileInBoundedMemory() throws IOException {
        Path f = tmp.resolve("src/sparse.img");
        Files.createDirectories(f.getParent());
        long size = (2L << 30) + 12345;
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size);
            raf.seek(size / 2);
            raf.write(random(1000, 1));
        }
        OfferBuilder.Offer offer = offer(Manifest.DEFAULT_PIECE, f);
        Path out = tmp.resolve("out");
        Run run = run(coded("9-x-y", BOB), out, coded("9-x-y", ALICE), offer, true, -1, null, -1);
        assertNull(run.receiver().failure);
        assertTrue(run.sender().finished);
        Path got = out.resolve("sparse.img");
        assertEquals(size, Files.size(got));
        assertArrayEquals(rootOf(f), rootOf(got), "content identical (same Merkle root)");
    }

    static byte[] rootOf(Path p) throws IOException {
        return OfferBuilder.build(List.of(p), Manifest.DEFAULT_PIECE, n -> { }).manifest().files().get(0).root();
    }

    @Test
    void flippingAnyByteOfAnyFrameIsRejectedAndNothingUnverifiedIsPromoted() throws IOException {
        write("t/a.bin", random(2 * SMALL_PIECE + 100, 1));
        write("t/b.bin", random(SMALL_PIECE / 2, 2));
        OfferBuilder.Offer offer = offer(SMALL_PIECE, tmp.resolve("src/t"));
        Run clean = run(coded("1-x-y", BOB), tmp.resolve("clean"), coded("1-x-y", ALICE), offer, true, -1, null, -1);
        assertReceived(clean, tmp.resolve("clean"), offer);
        Random random = new Random(42);
        for (int frame = 0; frame < clean.frames(); frame++) {
            for (int t = 0; t < 3; t++) {
                int trial = t;
                Path out = tmp.resolve("tampered-" + frame + "-" + trial);
                int f = frame;
                int[] position = new int[1];
                Run run = run(coded("1-x-y", BOB), out, coded("1-x-y", ALICE), offer, true, frame, m -> {
                    position[0] = trial == 0 ? 0 : trial == 1 ? m.length - 1 : random.nextInt(m.length);
                    m[position[0]] ^= (byte) (1 << random.nextInt(8));
                    return m;
                }, -1);
                String where = "frame " + f + " byte " + position[0];
                assertTrue(run.receiver().failure != null || run.sender().failure != null, where + ": the change went unnoticed");
                ProtocolException e = run.receiver().failure != null ? run.receiver().failure : run.sender().failure;
                assertNotNull(e.getMessage(), where);
                for (int i = 0; i < offer.files().size(); i++) {
                    Path got = out.resolve(offer.manifest().files().get(i).path());
                    if (Files.exists(got)) { // a promoted file must be whole and verified: an unverified or partial one would differ
                        assertArrayEquals(Files.readAllBytes(offer.files().get(i)), Files.readAllBytes(got), where + ": a promoted file is wrong");
                    }
                }
            }
        }
    }

    @Test
    void wrongCodeFailsOnBothSidesAndWritesNothing() throws IOException {
        OfferBuilder.Offer offer = offer(SMALL_PIECE, write("secret.txt", random(1000, 3)));
        Path out = tmp.resolve("out");
        Run run = run(coded("4-right-code", BOB), out, coded("4-wrong-code", ALICE), offer, true, -1, null, -1);
        assertEquals(Reason.AUTHENTICATION_FAILED, run.receiver().failure.reason());
        assertEquals(Reason.AUTHENTICATION_FAILED, run.sender().failure.reason());
        assertNull(run.receiver().offered, "no offer (not even file names) reaches a peer with the wrong code");
        assertFalse(Files.exists(out));
    }

    @Test
    void declineEndsBothSides() throws IOException {
        OfferBuilder.Offer offer = offer(SMALL_PIECE, write("x.txt", random(10, 3)));
        Run run = run(coded("1-a-b", BOB), tmp.resolve("out"), coded("1-a-b", ALICE), offer, false, -1, null, -1);
        assertEquals(Reason.DECLINED, run.receiver().failure.reason());
        assertEquals(Reason.DECLINED, run.sender().failure.reason());
        assertFalse(Files.exists(tmp.resolve("out/x.txt")));
    }

    @Test
    void resumesFromVerifiedPiecesAfterACut() throws IOException {
        Path f = write("big.bin", random(40 * SMALL_PIECE + 5, 8));
        OfferBuilder.Offer offer = offer(SMALL_PIECE, f);
        Path out = tmp.resolve("out");
        Run full = run(coded("5-a-b", BOB), tmp.resolve("full"), coded("5-a-b", ALICE), offer, true, -1, null, -1);
        assertReceived(full, tmp.resolve("full"), offer);
        Run cut = run(coded("5-a-b", BOB), out, coded("5-a-b", ALICE), offer, true, -1, null, 30);
        assertNotNull(cut.receiver().failure);
        assertFalse(Files.exists(out.resolve("big.bin")), "an incomplete file never gets its final name");
        Run resumed = run(coded("5-a-b", BOB), out, coded("5-a-b", ALICE), offer, true, -1, null, -1);
        assertReceived(resumed, out, offer);
        assertTrue(resumed.senderBytes() < full.senderBytes() - 10L * SMALL_PIECE,
                "resume sent " + resumed.senderBytes() + " bytes, a full transfer " + full.senderBytes());
    }

    /** The one partial file a cut run left in {@code out}, by its ending ({@code .part} or {@code .hashes}). */
    static Path kept(Path out, String ending) throws IOException {
        try (var files = Files.list(out.resolve(DiskStore.PARTIAL))) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(ending)).toList();
            assertEquals(1, found.size(), () -> "files ending in " + ending + ": " + found);
            return found.get(0);
        }
    }

    static void flipByte(Path file, long offset) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ 0x20)).rewind();
            ch.write(b, offset);
        }
    }

    @Test
    void resumeChecksKeptPiecesOnDiskAndReceivesDamagedOnesAgain() throws IOException, ProtocolException {
        Path f = write("big.bin", random(40 * SMALL_PIECE + 5, 9));
        OfferBuilder.Offer offer = offer(SMALL_PIECE, f);
        Run full = run(coded("6-a-b", BOB), tmp.resolve("full"), coded("6-a-b", ALICE), offer, true, -1, null, -1);
        assertReceived(full, tmp.resolve("full"), offer);

        // one byte of a kept piece changes on disk between the sessions (a crash, a disk, a person)
        Path out = tmp.resolve("out");
        assertNotNull(run(coded("6-a-b", BOB), out, coded("6-a-b", ALICE), offer, true, -1, null, 30).receiver().failure);
        flipByte(kept(out, ".part"), 2L * SMALL_PIECE + 3);
        List<long[]> told = new java.util.ArrayList<>();
        DiskStore store = new DiskStore(out).onCheckProgress((checked, total) -> told.add(new long[] { checked, total }));
        Run resumed = run(coded("6-a-b", BOB), store, coded("6-a-b", ALICE), offer.manifest(), offer.source(), true, -1, null, -1);
        assertReceived(resumed, out, offer);
        long[] check = store.resumeCheck();
        assertEquals(1, check[1], "exactly the damaged piece is dropped");
        assertTrue(check[0] >= 10L * SMALL_PIECE, "kept pieces are read back: " + check[0]);
        // the check's progress: from 0 to every kept byte, one report per piece read back
        assertEquals(0, told.get(0)[0]);
        for (int i = 1; i < told.size(); i++) {
            assertTrue(told.get(i)[0] > told.get(i - 1)[0] && told.get(i)[1] == check[0], "progress " + i + " moves on toward " + check[0]);
        }
        assertEquals(check[0], told.get(told.size() - 1)[0], "the last report is the whole check");
        assertEquals(check[0] / SMALL_PIECE + 1, told.size());
        assertTrue(resumed.senderBytes() < full.senderBytes() - 10L * SMALL_PIECE, "the intact pieces are still not sent again");

        // a damaged hash list: nothing kept can be trusted, everything comes again, and arrives whole
        Path out2 = tmp.resolve("out2");
        assertNotNull(run(coded("6-a-b", BOB), out2, coded("6-a-b", ALICE), offer, true, -1, null, 30).receiver().failure);
        flipByte(kept(out2, ".hashes"), 20);
        DiskStore store2 = new DiskStore(out2);
        Run again = run(coded("6-a-b", BOB), store2, coded("6-a-b", ALICE), offer.manifest(), offer.source(), true, -1, null, -1);
        assertReceived(again, out2, offer);
        assertEquals(0, store2.resumeCheck()[0], "nothing is read back under a list that does not match the root");
        List<long[]> told3 = new java.util.ArrayList<>();
        new DiskStore(tmp.resolve("fresh")).onCheckProgress((checked, total) -> told3.add(new long[] { checked, total })).begin(offer.manifest());
        assertTrue(told3.isEmpty(), "nothing kept, nothing to check, no progress");
        assertTrue(store2.resumeCheck()[1] >= 10, "every kept piece is dropped");
        assertTrue(again.senderBytes() >= full.senderBytes() - SMALL_PIECE, "everything is sent again");
    }

    @Test
    void piecesStagedAheadOfTheirCheckAreNeverClaimedUntilWritten() throws IOException, ProtocolException {
        byte[] content = random(4 * SMALL_PIECE, 12);
        OfferBuilder.Offer offer = offer(SMALL_PIECE, write("staged.bin", content));
        Manifest m = offer.manifest();
        Path out = tmp.resolve("out");
        DiskStore first = new DiskStore(out);
        first.begin(m);
        first.hashes(0, m.files().get(0).hashes());
        byte[] piece = java.util.Arrays.copyOfRange(content, 0, SMALL_PIECE);
        first.stage(0, 0, piece, 0, SMALL_PIECE);
        first.write(0, 0, piece, 0, SMALL_PIECE); // checked: recorded
        byte[] second = java.util.Arrays.copyOfRange(content, SMALL_PIECE, 2 * SMALL_PIECE);
        first.stage(0, 1, second, 0, SMALL_PIECE); // intact bytes, but the check never came back
        byte[] bad = java.util.Arrays.copyOfRange(content, 2 * SMALL_PIECE, 3 * SMALL_PIECE);
        bad[7] ^= 1;
        first.stage(0, 2, bad, 0, SMALL_PIECE); // a piece whose check would fail
        first.suspend();
        java.util.BitSet kept = new DiskStore(out).begin(m)[0];
        assertEquals(java.util.BitSet.valueOf(new long[] { 1 }), kept, "only the piece that was checked and written is kept");
        Run resumed = run(coded("5-a-b", BOB), out, coded("5-a-b", ALICE), offer, true, -1, null, -1);
        assertReceived(resumed, out, offer);
    }

    @Test
    void aSendersSourceLetsGoOfItsFileWhenClosed() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc to count open files");
        byte[] content = random(3 * SMALL_PIECE, 11);
        Path file = write("source.bin", content);
        FileSource source = offer(SMALL_PIECE, file).source();
        byte[] buffer = new byte[SMALL_PIECE];
        source.read(0, SMALL_PIECE, buffer, SMALL_PIECE);
        assertEquals(1, openHandles(file), "reading keeps the file open");
        source.close();
        assertEquals(0, openHandles(file), "closing lets go of it");
        source.read(0, 2L * SMALL_PIECE, buffer, SMALL_PIECE);
        assertArrayEquals(java.util.Arrays.copyOfRange(content, 2 * SMALL_PIECE, 3 * SMALL_PIECE), buffer, "a read after close reopens");
        source.close();
        source.close();
        assertEquals(0, openHandles(file));
    }

    /** How many of this process's file descriptors point at {@code file} (Linux). */
    private static long openHandles(Path file) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException e) {
                    return false; // closed while listing
                }
            }).count();
        }
    }

    @Test
    void aWholeFileKeptButNotYetRenamedIsCheckedBeforeItGetsItsName() throws IOException, ProtocolException {
        byte[] content = random(6 * SMALL_PIECE + 1, 10);
        OfferBuilder.Offer offer = offer(SMALL_PIECE, write("whole.bin", content));
        Manifest m = offer.manifest();
        FileEntry entry = m.files().get(0);
        Path out = tmp.resolve("out");
        // a session that wrote every piece and stopped before the rename (as a kill -9 at that moment leaves it)
        DiskStore first = new DiskStore(out);
        first.begin(m);
        first.hashes(0, entry.hashes());
        byte[] buffer = new byte[SMALL_PIECE];
        for (int p = 0; p < entry.pieces(SMALL_PIECE); p++) {
            int length = entry.pieceLength(p, SMALL_PIECE);
            offer.source().read(0, (long) p * SMALL_PIECE, buffer, length);
            first.write(0, p, buffer, 0, length);
        }
        first.suspend();
        assertEquals(entry.pieces(SMALL_PIECE), new DiskStore(out).begin(m)[0].cardinality(), "intact: every piece is kept");
        flipByte(kept(out, ".part"), 6L * SMALL_PIECE);
        java.util.BitSet kept = new DiskStore(out).begin(m)[0];
        assertEquals(entry.pieces(SMALL_PIECE) - 1, kept.cardinality());
        assertFalse(kept.get(6), "the changed last piece is not kept");
        Run resumed = run(coded("4-a-b", BOB), out, coded("4-a-b", ALICE), offer, true, -1, null, -1);
        assertReceived(resumed, out, offer);
    }

    @Test
    void namesThatEscapeTheOutputFolderAreRefused() throws IOException {
        for (String evil : List.of("../evil.txt", "/etc/evil", "a/../../evil", "a//b", "C:evil", "a\\..\\evil", ".")) {
            byte[] content = "boo".getBytes(StandardCharsets.US_ASCII);
            byte[] hashes = Merkle.leaf(Merkle.sha256(), content, 0, content.length);
            Manifest m = new Manifest(SMALL_PIECE, List.of(new FileEntry(evil, content.length, Merkle.root(hashes), hashes)));
            Path out = tmp.resolve("out");
            Run run = run(coded("2-a-b", BOB), new DiskStore(out), coded("2-a-b", ALICE), m, (i, off, buf, len) -> System.arraycopy(content, 0, buf, 0, len),
                    true, -1, null, -1);
            assertEquals(Reason.REFUSED, run.receiver().failure.reason(), evil);
            assertEquals(Reason.REFUSED, run.sender().failure.reason(), evil);
            try (Stream<Path> all = Files.walk(tmp)) {
                assertTrue(all.noneMatch(p -> p.getFileName().toString().contains("evil")), evil);
            }
        }
    }

    @Test
    void aNameUsedAsFileAndFolderIsRefused() throws IOException {
        byte[] content = "x".getBytes(StandardCharsets.US_ASCII);
        byte[] hashes = Merkle.leaf(Merkle.sha256(), content, 0, 1);
        for (List<String> names : List.of(List.of("a", "a/b"), List.of("a/b", "a"))) {
            Manifest m = new Manifest(SMALL_PIECE, names.stream().map(n -> new FileEntry(n, 1, Merkle.root(hashes), hashes)).toList());
            Path out = tmp.resolve("clash-" + names.get(0).length());
            Run run = run(coded("2-a-b", BOB), new DiskStore(out), coded("2-a-b", ALICE), m, (i, off, buf, len) -> buf[0] = 'x', true, -1, null, -1);
            assertEquals(Reason.REFUSED, run.receiver().failure.reason(), names.toString());
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        OfferBuilder.Offer offer = offer(SMALL_PIECE, write("keep.txt", random(100, 3)));
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "mine");
        Run run = run(coded("1-a-b", BOB), out, coded("1-a-b", ALICE), offer, true, -1, null, -1);
        assertEquals(Reason.REFUSED, run.receiver().failure.reason());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void qrFingerprintAndPairedPeersAuthenticateWithoutTrustingAnyoneElse() throws IOException {
        OfferBuilder.Offer offer = offer(SMALL_PIECE, write("q.txt", random(5000, 3)));
        byte[] aliceFp = new PeerIdentity("ed25519", ALICE.publicKey()).fingerprint();
        byte[] bobFp = new PeerIdentity("ed25519", BOB.publicKey()).fingerprint();
        // QR: the code plus the sender's fingerprint, both checked
        Run qr = run(config("6-a-b", BOB, PeerCheck.fingerprint(aliceFp)), tmp.resolve("qr"), coded("6-a-b", ALICE), offer, true, -1, null, -1);
        assertReceived(qr, tmp.resolve("qr"), offer);
        // a different device showing the right code but not the fingerprint from the QR
        SigningKeyPair mallory = ED25519.generateKeyPair();
        Run impostor = run(config("6-a-b", BOB, PeerCheck.fingerprint(aliceFp)), tmp.resolve("imp"), coded("6-a-b", mallory), offer, true, -1, null,
                -1);
        assertEquals(Reason.AUTHENTICATION_FAILED, impostor.receiver().failure.reason());
        // paired devices: no code, each checks the other's remembered fingerprint
        Run paired = run(config(null, BOB, PeerCheck.fingerprint(aliceFp)), tmp.resolve("paired"), config(null, ALICE, PeerCheck.fingerprint(bobFp)),
                offer, true, -1, null, -1);
        assertReceived(paired, tmp.resolve("paired"), offer);
        // no code and no pairing: refused
        Run stranger = run(config(null, BOB, PeerCheck.codeRequired()), tmp.resolve("s"), config(null, mallory, PeerCheck.fingerprint(bobFp)), offer,
                true, -1, null, -1);
        assertEquals(Reason.AUTHENTICATION_FAILED, stranger.receiver().failure.reason());
        assertFalse(Files.exists(tmp.resolve("s/q.txt")));
    }

    /** The same sessions driven over real transports: memory and tcp, which the protocol cannot tell apart. */
    @Test
    void runsOverMemoryAndTcpTransports() throws Exception {
        OfferBuilder.Offer offer = offer(SMALL_PIECE, write("net.bin", random(50 * SMALL_PIECE + 3, 4)), write("n/empty", new byte[0]));
        for (org.peerlab.transport.api.Transport transport : List.of(new org.peerlab.transport.memory.internal.MemoryTransport(), new org.peerlab.transport.tcp.internal.TcpTransport())) {
            String name = transport.descriptor().name();
            Path out = tmp.resolve("out-" + name);
            SessionDriver sender = new SessionDriver(l -> new SendSession(coded("3-a-b", ALICE), offer.manifest(), offer.source(), l),
                    new SessionDriver.Events() { });
            SessionDriver receiver = new SessionDriver(l -> new ReceiveSession(coded("3-a-b", BOB), new DiskStore(out), l), new SessionDriver.Events() {
                @Override
                public void offered(SessionDriver d, Manifest manifest) {
                    d.accept();
                }
            }).checkPiecesInBackground();
            String address = name.equals("tcp") ? "127.0.0.1:0" : "transfer-test-" + System.nanoTime();
            try (org.peerlab.transport.api.Listener l = transport.listen(address, transport.descriptor().defaults(), () -> sender)) {
                transport.connect(l.address(), transport.descriptor().defaults(), receiver);
                SessionDriver.Outcome r = receiver.outcome().get(60, java.util.concurrent.TimeUnit.SECONDS);
                SessionDriver.Outcome s = sender.outcome().get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertNull(r.failure(), () -> name + " receiver: " + r.failure());
                assertNull(s.failure(), () -> name + " sender: " + s.failure());
                assertTrue(r.bytesReceived() > offer.manifest().totalBytes(), name);
                assertEquals(s.bytesSent(), r.bytesReceived(), name + ": every byte sent arrived");
            }
            assertArrayEquals(Files.readAllBytes(offer.files().get(0)), Files.readAllBytes(out.resolve("net.bin")), name);
            assertTrue(Files.exists(out.resolve("empty")), name);
        }
    }

    /** The sender's warm-up rehearses a whole handshake, with and without a code, in memory. */
    @Test
    void warmupRehearsesACompleteHandshake() {
        assertTrue(org.peerlab.transfer.net.Warmup.rehearse(coded("1-a-b", ALICE).handshake(), ED25519));
        assertTrue(org.peerlab.transfer.net.Warmup.rehearse(config(null, ALICE, PeerCheck.codeRequired()).handshake(), ED25519));
    }

    /** Mutated and random frames fed at every point of a real exchange: only clean failures, promptly. */
    @Test
    void fuzzedFramesFailCleanly() throws IOException {
        OfferBuilder.Offer offer = offer(SMALL_PIECE, write("z.bin", random(3 * SMALL_PIECE, 3)));
        Run clean = run(coded("8-a-b", BOB), tmp.resolve("clean"), coded("8-a-b", ALICE), offer, true, -1, null, -1);
        assertReceived(clean, tmp.resolve("clean"), offer);
        Random random = new Random(7);
        List<UnaryOperator<byte[]>> mutations = new ArrayList<>();
        mutations.add(m -> random(random.nextInt(64), random.nextLong()));
        mutations.add(m -> java.util.Arrays.copyOf(m, random.nextInt(m.length + 1)));
        mutations.add(m -> java.util.Arrays.copyOf(m, m.length + 1 + random.nextInt(100)));
        mutations.add(m -> {
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            }
            return m;
        });
        mutations.add(m -> {
            if (m.length > 3) {
                m[2] = (byte) 0xff;
                m[3] = (byte) 0xff;
            }
            return m;
        });
        long start = System.nanoTime();
        int runs = 0;
        for (int frame = 0; frame < clean.frames(); frame++) {
            for (UnaryOperator<byte[]> mutation : mutations) {
                for (int trial = 0; trial < 4; trial++) {
                    Run run = run(coded("8-a-b", BOB), tmp.resolve("fz"), coded("8-a-b", ALICE), offer, true, frame, mutation, -1);
                    runs++;
                    assertTrue(run.receiver().over() || run.sender().over(), "frame " + frame + ": a session hung");
                    if (Files.exists(tmp.resolve("fz/z.bin"))) {
                        assertArrayEquals(Files.readAllBytes(offer.files().get(0)), Files.readAllBytes(tmp.resolve("fz/z.bin")));
                        Files.delete(tmp.resolve("fz/z.bin"));
                    }
                }
            }
        }
        assertTrue(runs > 100);
        System.out.printf("fuzz: %d mutated sessions in %.1f s%n", runs, (System.nanoTime() - start) / 1e9);
    }
}
