package org.peerlab.sim.net;

import java.nio.ByteBuffer;
import java.util.function.Function;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.handshake.SessionKeys;
import org.peerlab.protocol.transfer.Manifest;
import org.peerlab.protocol.transfer.PeerIdentity;
import org.peerlab.protocol.transfer.ReceiveSession;
import org.peerlab.protocol.transfer.SendSession;
import org.peerlab.protocol.transfer.TransferListener;
import org.peerlab.protocol.transfer.TransferSession;
import org.peerlab.sim.Simulator;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;

/**
 * Runs one side of the real transfer protocol (a {@link SendSession} or {@link ReceiveSession})
 * over one sim connection, on virtual time: the sender's pieces are pumped while the connection
 * takes more and resumed on {@code onWritable}; the receiver accepts every offer. Unlike the
 * transfer bundle's driver it needs no lock and no thread: everything runs on the simulation
 * thread. Crypto and hashing take no virtual time (CPU cost is not modelled).
 */
final class SimTransferDriver implements ConnectionHandler, TransferListener {

    private final Simulator sim;
    private final FlowRecorder recorder;
    private final TransferSession session;
    private final boolean sending;
    private SimConnection connection;
    private boolean writable = true;
    private boolean acceptPending;

    SimTransferDriver(Simulator sim, FlowRecorder recorder, Function<TransferListener, TransferSession> sessions) {
        this.sim = sim;
        this.recorder = recorder;
        this.session = sessions.apply(this);
        this.sending = session instanceof SendSession;
    }

    /** @return the connection, once open (null before) */
    SimConnection connection() {
        return connection;
    }

    @Override
    public void onOpen(Connection c) {
        connection = (SimConnection) c;
        if (!sending) {
            recorder.opened = sim.now();
        }
        session.start();
        pump();
    }

    @Override
    public void onFrame(Connection c, ByteBuffer frame) {
        byte[] wire;
        if (frame.hasArray() && frame.arrayOffset() == 0 && frame.position() == 0 && frame.remaining() == frame.array().length) {
            wire = frame.array(); // the transport's own copy: no need for another
        } else {
            wire = new byte[frame.remaining()];
            frame.get(wire);
        }
        session.onMessage(wire);
        if (acceptPending) {
            acceptPending = false;
            ((ReceiveSession) session).accept();
        }
        pump();
    }

    @Override
    public void onWritable(Connection c) {
        writable = true;
        pump();
    }

    @Override
    public void onClosed(Connection c, Throwable cause) {
        if (!session.isOver()) {
            recorder.failed((sending ? "sender: " : "receiver: ") + (cause == null ? "the peer closed the connection" : cause.getMessage()));
        }
        session.connectionLost(cause == null ? "the peer closed the connection" : String.valueOf(cause.getMessage()));
    }

    private void pump() {
        if (session instanceof SendSession s && connection != null) {
            if (recorder.dataStarted < 0 && s.wantsToSend()) {
                recorder.dataStarted = sim.now();
            }
            while (writable && connection.isOpen() && s.wantsToSend()) {
                s.pump();
            }
        }
    }

    @Override
    public void send(byte[] message) {
        if (connection != null && connection.isOpen()) {
            writable = connection.send(ByteBuffer.wrap(message));
        }
    }

    @Override
    public void authenticated(SessionKeys keys, PeerIdentity peer) {
        if (!sending) {
            recorder.authenticated = sim.now();
        }
    }

    @Override
    public void offered(Manifest manifest) {
        acceptPending = true;
    }

    @Override
    public void progress(long done, long total, long resumed) {
        if (!sending) {
            recorder.progress(sim.now(), done);
        }
    }

    @Override
    public void finished() {
        if (sending) {
            recorder.senderFinished = true;
        } else {
            recorder.completed = sim.now();
        }
        connection.close();
    }

    @Override
    public void failed(ProtocolException failure) {
        recorder.failed((sending ? "sender: " : "receiver: ") + failure.reason() + ": " + failure.getMessage());
        if (connection != null) {
            connection.close();
        }
    }
}
