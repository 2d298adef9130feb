package org.peerlab.strategies.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.protocol.rendezvous.RendezvousCore;
import org.peerlab.protocol.rendezvous.Rv;
import org.peerlab.protocol.transfer.Manifest;
import org.peerlab.protocol.transfer.ReceiveSession;
import org.peerlab.protocol.transfer.SendSession;
import org.peerlab.transfer.files.DiskStore;
import org.peerlab.transfer.files.OfferBuilder;
import org.peerlab.transfer.net.SessionDriver;
import org.peerlab.transfer.pairing.Code;
import org.peerlab.transfer.pairing.Qr;
import org.peerlab.transfer.rendezvous.RendezvousClient;
import org.peerlab.transfer.rendezvous.RendezvousServer;
import org.peerlab.transport.api.Listener;
import org.peerlab.transport.api.Transport;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The rendezvous server over real TCP: lookups, rooms, limits, and misbehaving clients. */
class RendezvousTest {

    static final Transport TCP = new org.peerlab.transport.tcp.internal.TcpTransport();
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    static RendezvousServer server() throws IOException {
        return RendezvousServer.start(TCP, "127.0.0.1:0", RendezvousCore.Limits.defaults(), line -> { });
    }

    @Test
    void nameplatesAndRooms() throws Exception {
        try (RendezvousServer server = server();
                RendezvousClient a = RendezvousClient.connect(TCP, server.address(), WAIT);
                RendezvousClient b = RendezvousClient.connect(TCP, server.address(), WAIT);
                RendezvousClient c = RendezvousClient.connect(TCP, server.address(), WAIT)) {
            String plate = a.allocate();
            a.open(plate, List.of("10.0.0.1:5000", "127.0.0.1:5000"));
            assertEquals(List.of("10.0.0.1:5000", "127.0.0.1:5000"), b.lookup(plate));
            RendezvousClient.RendezvousException taken = assertThrows(RendezvousClient.RendezvousException.class, () -> b.open(plate, List.of("x:1")));
            assertTrue(taken.getMessage().contains("in use"));
            a.release(plate);
            assertThrows(RendezvousClient.RendezvousException.class, () -> b.lookup(plate));

            assertTrue(a.join("room-1", "ABC-123", List.of("1.2.3.4:1")).isEmpty());
            Map<String, List<String>> members = b.join("room-1", "DEF-456", List.of("5.6.7.8:2"));
            assertEquals(List.of("1.2.3.4:1"), members.get("ABC-123"));
            RendezvousClient.Event joined = a.events().poll(5, TimeUnit.SECONDS);
            assertEquals("joined", joined.kind());
            assertEquals("DEF-456", joined.member());
            c.join("room-1", "GHI-789", List.of());
            b.signal("room-1", "GHI-789", new byte[] { 1, 2, 3 });
            RendezvousClient.Event signal = null;
            for (int i = 0; i < 3 && (signal == null || !signal.kind().equals("signal")); i++) {
                signal = c.events().poll(5, TimeUnit.SECONDS);
            }
            assertEquals("DEF-456", signal.member());
            assertArrayEquals(new byte[] { 1, 2, 3 }, signal.data());
            b.close();
            RendezvousClient.Event left = null;
            for (int i = 0; i < 3 && (left == null || !left.kind().equals("left")); i++) {
                left = a.events().poll(5, TimeUnit.SECONDS);
            }
            assertEquals("DEF-456", left.member(), "a vanished member is announced as gone");
        }
    }

    /** Garbage, oversized frames, floods and silent sockets while two peers find each other and transfer a file. */
    @Test
    void misbehavingClientsDoNotDisturbATransferBetweenOthers() throws Exception {
        byte[] content = new byte[3 << 20];
        new Random(1).nextBytes(content);
        Path src = tmp.resolve("payload.bin");
        Files.write(src, content);
        OfferBuilder.Offer offer = OfferBuilder.build(List.of(src), Manifest.DEFAULT_PIECE, n -> { });
        try (RendezvousServer server = server()) {
            String[] hp = server.address().split(":");
            List<Socket> raw = new ArrayList<>();
            // a client announcing a 1 GiB frame, one sending random bytes, one opening and staying silent
            Socket huge = new Socket(hp[0], Integer.parseInt(hp[1]));
            huge.getOutputStream().write(new byte[] { 0x40, 0, 0, 0, 1, 2, 3 });
            raw.add(huge);
            Socket garbage = new Socket(hp[0], Integer.parseInt(hp[1]));
            byte[] junk = new byte[10_000];
            new Random(2).nextBytes(junk);
            try {
                garbage.getOutputStream().write(junk);
            } catch (IOException e) {
                // the server may already have hung up on it
            }
            raw.add(garbage);
            raw.add(new Socket(hp[0], Integer.parseInt(hp[1])));
            // well-framed but malformed messages, and a flood
            RendezvousClient malformed = RendezvousClient.connect(TCP, server.address(), WAIT);
            malformed.sendRaw(ByteBuffer.wrap(new byte[] { 1, 99, 0 }).array());
            RendezvousClient flood = RendezvousClient.connect(TCP, server.address(), WAIT);
            Thread flooder = new Thread(() -> {
                for (int i = 0; i < 5000; i++) {
                    try {
                        flood.sendRaw(Rv.start(Rv.LOOKUP).text("nobody-" + i).toByteArray());
                    } catch (IllegalStateException closed) {
                        return;
                    }
                }
            });
            flooder.start();

            Code code = Code.parse("42-copper-lantern");
            SessionDriver sender = new SessionDriver(l -> new SendSession(TransferTest.coded(code.secret(), TransferTest.ALICE), offer.manifest(),
                    offer.source(), l), new SessionDriver.Events() { });
            Path out = tmp.resolve("out");
            SessionDriver receiver = new SessionDriver(l -> new ReceiveSession(TransferTest.coded(code.secret(), TransferTest.BOB), new DiskStore(out), l),
                    new SessionDriver.Events() {
                        @Override
                        public void offered(SessionDriver d, Manifest manifest) {
                            d.accept();
                        }
                    });
            try (Listener direct = TCP.listen("127.0.0.1:0", TCP.descriptor().defaults(), () -> sender);
                    RendezvousClient alice = RendezvousClient.connect(TCP, server.address(), WAIT);
                    RendezvousClient bob = RendezvousClient.connect(TCP, server.address(), WAIT)) {
                alice.open(code.nameplate(), List.of(direct.address()));
                List<String> found = bob.lookup(code.nameplate());
                assertEquals(List.of(direct.address()), found);
                TCP.connect(found.get(0), TCP.descriptor().defaults(), receiver);
                SessionDriver.Outcome r = receiver.outcome().get(60, TimeUnit.SECONDS);
                assertNull(r.failure(), () -> "transfer disturbed: " + r.failure());
                assertArrayEquals(content, Files.readAllBytes(out.resolve("payload.bin")));
                // the server still serves its good clients
                alice.open("43", List.of("127.0.0.1:1"));
                assertEquals(List.of("127.0.0.1:1"), bob.lookup("43"));
            }
            flooder.join(10_000);
            assertTrue(server.rejected() >= 2, "the malformed and the flooding client were disconnected, got " + server.rejected());
            for (Socket s : raw) {
                s.close();
            }
            malformed.close();
            flood.close();
        }
    }

    @Test
    void qrCodeDrawnInTheTerminalDecodesToTheLink() throws Exception {
        String link = "peerlab:receive?code=7-copper-lantern&rv=192.168.1.20%3A47470&id=KQF-207&fp=3VSZLDHOLWVDTDETGFG5DWJQ6FMVCPU2CN7XUFD3YCXBBK72OSFA";
        String drawing = Qr.draw(link, true);
        BitMatrix modules = Qr.parse(drawing);
        int scale = 4;
        BitMatrix image = new BitMatrix(modules.getWidth() * scale, modules.getHeight() * scale);
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y)) {
                    image.setRegion(x * scale, y * scale, scale, scale);
                }
            }
        }
        com.google.zxing.LuminanceSource source = new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels(image));
        assertEquals(link, new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText());
        assertNotNull(Code.parse("7-copper-lantern@192.168.1.20:47470").rendezvous());
    }

    private static int[] pixels(BitMatrix m) {
        int[] p = new int[m.getWidth() * m.getHeight()];
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                p[y * m.getWidth() + x] = m.get(x, y) ? 0xff000000 : 0xffffffff;
            }
        }
        return p;
    }
}
