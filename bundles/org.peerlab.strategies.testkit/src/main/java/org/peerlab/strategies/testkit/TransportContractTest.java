package org.peerlab.strategies.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.Listener;
import org.peerlab.transport.api.Transport;

/** What every {@link Transport} must do; each implementation's test extends this. */
public abstract class TransportContractTest {

    protected abstract Transport transport();

    /** @return an address to listen on that picks a fresh endpoint */
    protected abstract String anyAddress();

    /** @return an address where nobody listens */
    protected abstract String deadAddress() throws Exception;

    protected Parameters params(long highWater, long lowWater) {
        return transport().descriptor().bind(Map.of("high-water", "" + highWater, "low-water", "" + lowWater, "max-frame", "" + (2 << 20)));
    }

    /** Records everything a connection reports. */
    public static final class Recorder implements ConnectionHandler {
        public final CompletableFuture<Connection> opened = new CompletableFuture<>();
        public final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
        public final BlockingQueue<String> writable = new LinkedBlockingQueue<>();
        public final CompletableFuture<Throwable> closed = new CompletableFuture<>();

        @Override
        public void onOpen(Connection c) {
            opened.complete(c);
        }

        @Override
        public void onFrame(Connection c, ByteBuffer frame) {
            byte[] b = new byte[frame.remaining()];
            frame.get(b);
            frames.add(b);
        }

        @Override
        public void onWritable(Connection c) {
            writable.add("writable");
        }

        @Override
        public void onClosed(Connection c, Throwable cause) {
            closed.complete(cause);
        }

        public Connection connection() throws Exception {
            return opened.get(10, TimeUnit.SECONDS);
        }

        public byte[] next() throws InterruptedException {
            byte[] f = frames.poll(10, TimeUnit.SECONDS);
            assertNotNull(f, "no frame within 10 s");
            return f;
        }
    }

    protected Recorder[] pair(Parameters p) throws Exception {
        Recorder server = new Recorder();
        Listener l = transport().listen(anyAddress(), p, () -> server);
        Recorder client = new Recorder();
        transport().connect(l.address(), p, client);
        client.connection();
        server.connection();
        return new Recorder[] { client, server };
    }

    @Test
    public void framesArriveWholeAndInOrderBothWays() throws Exception {
        Recorder[] r = pair(params(64 << 20, 1 << 20));
        Random random = new Random(7);
        List<byte[]> sent = new ArrayList<>();
        for (int size : new int[] { 0, 1, 3, 4, 5, 1000, 65_536, 65_537, 2 << 20, 17 }) {
            byte[] f = new byte[size];
            random.nextBytes(f);
            sent.add(f);
            r[0].connection().send(ByteBuffer.wrap(f));
        }
        for (byte[] f : sent) {
            assertArrayEquals(f, r[1].next());
        }
        r[1].connection().send(ByteBuffer.wrap(new byte[] { 42 }));
        assertArrayEquals(new byte[] { 42 }, r[0].next());
    }

    @Test
    public void sendAsksToPauseAtHighWaterAndSignalsWhenDrained() throws Exception {
        Recorder[] r = pair(params(64 << 10, 16 << 10));
        assertFalse(r[0].connection().send(ByteBuffer.allocate(100 << 10)), "one frame above high-water");
        assertEquals("writable", r[0].writable.poll(10, TimeUnit.SECONDS));
        assertEquals(100 << 10, r[1].next().length);
        assertTrue(r[0].connection().send(ByteBuffer.allocate(10)));
    }

    @Test
    public void closeReachesBothSidesAndStopsSending() throws Exception {
        Recorder[] r = pair(params(64 << 20, 1 << 20));
        r[0].connection().send(ByteBuffer.wrap(new byte[] { 1, 2, 3 }));
        r[0].connection().close();
        assertArrayEquals(new byte[] { 1, 2, 3 }, r[1].next(), "a frame sent before close still arrives");
        assertNull(r[0].closed.get(10, TimeUnit.SECONDS));
        assertNull(r[1].closed.get(10, TimeUnit.SECONDS));
        assertThrows(IllegalStateException.class, () -> r[0].connection().send(ByteBuffer.allocate(1)));
        assertFalse(r[0].connection().isOpen());
    }

    @Test
    public void oversizedFrameIsRefusedBySender() throws Exception {
        Recorder[] r = pair(params(64 << 20, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> r[0].connection().send(ByteBuffer.allocate((2 << 20) + 1)));
    }

    @Test
    public void connectingToNobodyReportsTheCause() throws Exception {
        Recorder client = new Recorder();
        transport().connect(deadAddress(), transport().descriptor().defaults(), client);
        Throwable cause = client.closed.get(15, TimeUnit.SECONDS);
        assertNotNull(cause);
        assertTrue(cause instanceof java.io.IOException, cause.toString());
        assertFalse(client.opened.isDone());
    }
}
