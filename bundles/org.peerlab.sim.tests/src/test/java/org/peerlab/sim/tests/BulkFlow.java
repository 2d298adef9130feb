package org.peerlab.sim.tests;

import java.nio.ByteBuffer;

import org.peerlab.sim.Simulator;
import org.peerlab.sim.net.SimConnection;
import org.peerlab.sim.net.StreamStats;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;

/** A sender of {@code frames} frames of {@code frameSize} bytes with backpressure, and a receiver that counts them. */
final class BulkFlow {

    final int frames;
    final int frameSize;
    final Simulator sim;
    int sent;
    long receivedBytes;
    int receivedFrames;
    long openedAt = -1;
    long doneAt = -1;
    Throwable senderClosed;
    Throwable receiverClosed;
    boolean senderClosedCalled;
    boolean receiverClosedCalled;
    boolean outOfOrder;
    StreamStats senderStats;

    BulkFlow(Simulator sim, int frames, int frameSize) {
        this.sim = sim;
        this.frames = frames;
        this.frameSize = frameSize;
    }

    ConnectionHandler sender() {
        return new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
                openedAt = sim.now();
                pump(c);
            }

            @Override
            public void onFrame(Connection c, ByteBuffer frame) {
            }

            @Override
            public void onWritable(Connection c) {
                pump(c);
            }

            @Override
            public void onClosed(Connection c, Throwable cause) {
                senderClosedCalled = true;
                senderClosed = cause;
                senderStats = ((SimConnection) c).stats();
            }

            private void pump(Connection c) {
                while (sent < frames && c.isOpen()) {
                    ByteBuffer b = ByteBuffer.allocate(frameSize);
                    b.putInt(0, sent);
                    sent++;
                    if (!c.send(b)) {
                        return;
                    }
                }
            }
        };
    }

    ConnectionHandler receiver() {
        return new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
            }

            @Override
            public void onFrame(Connection c, ByteBuffer frame) {
                if (frame.getInt(0) != receivedFrames || frame.remaining() != frameSize) {
                    outOfOrder = true;
                }
                receivedFrames++;
                receivedBytes += frame.remaining();
                if (receivedFrames == frames) {
                    doneAt = sim.now();
                    c.close();
                }
            }

            @Override
            public void onWritable(Connection c) {
            }

            @Override
            public void onClosed(Connection c, Throwable cause) {
                receiverClosedCalled = true;
                receiverClosed = cause;
            }
        };
    }

    /** @return goodput in bits per second of frame bytes, from open to the last frame */
    double goodput() {
        return receivedBytes * 8e9 / (doneAt - openedAt);
    }
}
