package org.peerlab.strategies.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.peerlab.strategies.testkit.TransportContractTest;
import org.peerlab.transport.api.FramingException;
import org.peerlab.transport.api.Listener;
import org.peerlab.transport.api.Transport;
import org.peerlab.transport.memory.internal.MemoryTransport;
import org.peerlab.transport.tcp.internal.TcpTransport;

/** The transport contract for memory and tcp; tcp's defence against malformed streams. */
class TransportStrategiesTest {

    static final MemoryTransport MEMORY = new MemoryTransport();
    static final TcpTransport TCP = new TcpTransport();

    @AfterAll
    static void stop() {
        MEMORY.deactivate();
        TCP.deactivate();
    }

    @Nested
    class Memory extends TransportContractTest {
        @Override
        protected Transport transport() {
            return MEMORY;
        }

        @Override
        protected String anyAddress() {
            return "*";
        }

        @Override
        protected String deadAddress() {
            return "nobody-here";
        }
    }

    @Nested
    class Tcp extends TransportContractTest {
        @Override
        protected Transport transport() {
            return TCP;
        }

        @Override
        protected String anyAddress() {
            return "127.0.0.1:0";
        }

        @Override
        protected String deadAddress() throws Exception {
            try (ServerSocket s = new ServerSocket(0)) {
                return "127.0.0.1:" + s.getLocalPort();
            }
        }

        @Test
        void aMalformedStreamClosesThatConnectionOnlyAndOthersGoOn() throws Exception {
            Recorder good = new Recorder();
            Recorder victim = new Recorder();
            Recorder[] handlers = { victim, good };
            int[] next = { 0 };
            Listener l = TCP.listen("127.0.0.1:0", TCP.descriptor().defaults(), () -> handlers[next[0]++]);
            int port = Integer.parseInt(l.address().substring(l.address().lastIndexOf(':') + 1));
            try (Socket raw = new Socket("127.0.0.1", port)) {
                victim.connection();
                OutputStream out = raw.getOutputStream();
                out.write(new byte[] { 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3 }); // announces 2 GiB
                out.flush();
                assertInstanceOf(FramingException.class, victim.closed.get(10, TimeUnit.SECONDS));
                Recorder client = new Recorder();
                TCP.connect(l.address(), TCP.descriptor().defaults(), client);
                client.connection().send(ByteBuffer.wrap(new byte[] { 9 }));
                assertArrayEquals(new byte[] { 9 }, good.next(), "the listener still serves a well-behaved peer");
            }
        }

        @Test
        void aStreamCutMidFrameIsReportedAsSuch() throws Exception {
            Recorder victim = new Recorder();
            Listener l = TCP.listen("127.0.0.1:0", TCP.descriptor().defaults(), () -> victim);
            int port = Integer.parseInt(l.address().substring(l.address().lastIndexOf(':') + 1));
            try (Socket raw = new Socket("127.0.0.1", port)) {
                raw.getOutputStream().write(new byte[] { 0, 0, 0, 10, 1, 2 });
                raw.getOutputStream().flush();
                victim.connection();
            }
            assertInstanceOf(java.io.EOFException.class, victim.closed.get(10, TimeUnit.SECONDS));
        }
    }
}
