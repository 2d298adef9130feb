package org.peerlab.transport.memory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;

class MemoryTransportTest {

    private final MemoryTransport transport = new MemoryTransport();

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    /** Records events as strings, in order. */
    static class Recorder implements ConnectionHandler {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        volatile Connection connection;
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public void onOpen(Connection c) {
            connection = c;
            events.add("open");
        }

        @Override
        public void onFrame(Connection c, ByteBuffer frame) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.add("frame " + frame.remaining());
        }

        @Override
        public void onWritable(Connection c) {
            events.add("writable");
        }

        @Override
        public void onClosed(Connection c, Throwable cause) {
            events.add("closed " + (cause == null ? "" : cause.getClass().getSimpleName()));
        }

        String next() throws InterruptedException {
            String e = events.poll(5, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no event within 5 s");
            }
            return e;
        }
    }

    private Parameters params(String high, String low) {
        return transport.descriptor().bind(Map.of("high-water", high, "low-water", low, "max-frame", "1000"));
    }

    @Test
    void framesArriveInOrderBothWays() throws Exception {
        Recorder server = new Recorder();
        transport.listen("bob", params("100000", "10"), () -> server);
        Recorder client = new Recorder();
        transport.connect("bob", params("100000", "10"), client);
        assertEquals("open", client.next());
        assertEquals("open", server.next());
        for (int i = 1; i <= 5; i++) {
            client.connection.send(ByteBuffer.allocate(i));
        }
        for (int i = 1; i <= 5; i++) {
            assertEquals("frame " + i, server.next());
        }
        server.connection.send(ByteBuffer.allocate(7));
        assertEquals("frame 7", client.next());
        client.connection.close();
        assertEquals("closed ", client.next());
        assertEquals("closed ", server.next());
        assertThrows(IllegalStateException.class, () -> client.connection.send(ByteBuffer.allocate(1)));
    }

    @Test
    void sendAsksToPauseAtHighWaterAndResumesBelowLowWater() throws Exception {
        Recorder server = new Recorder();
        server.gate = new CountDownLatch(1); // the receiver is stuck until released
        transport.listen("slow", params("2500", "500"), () -> server);
        Recorder client = new Recorder();
        transport.connect("slow", params("2500", "500"), client);
        assertEquals("open", client.next());
        List<Boolean> answers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(client.connection.send(ByteBuffer.allocate(1000)));
        }
        assertEquals(List.of(true, true, false), answers);
        assertTrue(client.connection.bufferedBytes() >= 2500);
        server.gate.countDown();
        assertEquals("writable", client.next());
        assertEquals(0, client.connection.bufferedBytes());
    }

    @Test
    void oversizedFrameIsRefused() throws Exception {
        Recorder server = new Recorder();
        transport.listen("x", params("100000", "10"), () -> server);
        Recorder client = new Recorder();
        transport.connect("x", params("100000", "10"), client);
        client.next();
        assertThrows(IllegalArgumentException.class, () -> client.connection.send(ByteBuffer.allocate(1001)));
    }

    @Test
    void connectingToNobodyReportsTheCause() throws Exception {
        Recorder client = new Recorder();
        transport.connect("nobody", transport.descriptor().defaults(), client);
        assertEquals("closed " + ConnectException.class.getSimpleName(), client.next());
    }

    @Test
    void addressesAreUniqueUntilTheListenerCloses() throws Exception {
        var listener = transport.listen("same", transport.descriptor().defaults(), Recorder::new);
        assertThrows(IOException.class, () -> transport.listen("same", transport.descriptor().defaults(), Recorder::new));
        listener.close();
        assertFalse(transport.listen("same", transport.descriptor().defaults(), Recorder::new).address().isEmpty());
        assertTrue(transport.listen("*", transport.descriptor().defaults(), Recorder::new).address().startsWith("memory-"));
        assertInstanceOf(String.class, listener.address());
    }

    @Test
    void lowWaterMustBeBelowHighWater() {
        assertThrows(IllegalArgumentException.class, () -> MemoryLimits.from(params("100", "100")));
    }
}
