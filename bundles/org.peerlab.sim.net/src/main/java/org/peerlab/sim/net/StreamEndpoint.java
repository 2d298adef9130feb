package org.peerlab.sim.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import org.peerlab.sim.Event;
import org.peerlab.sim.Simulator;
import org.peerlab.sim.Timer;

/**
 * One end of a simulated stream connection: a simplified TCP with SACK. Three-way handshake
 * (SYN, SYN-ACK, ACK; SYNs take no sequence space), the sending half in {@link StreamSender},
 * and here the receiving half: reassembly, cumulative ACKs with up to three SACK blocks (each
 * block adds 8 bytes plus 4 of option header), delayed ACKs (every {@code ackEvery} in-order
 * segments or after {@code delayedAck}; at once for anything out of order), FIN, resets, the user
 * timeout and keep-alive probes. All timers share one lazily re-armed simulator event, so an ACK
 * that moves a deadline later costs nothing. Simulation thread only.
 */
final class StreamEndpoint {

    private static final long NEVER = StreamSender.NEVER;

    enum State { SYN_SENT, SYN_RECEIVED, ESTABLISHED, CLOSED }

    final Host host;
    final Host peer;
    final int localPort;
    final int peerPort;
    final long key;
    final SimConnection connection;
    final StreamSender sender;
    private final Simulator sim;
    private final StreamConfig config;
    private final Link[] route;
    private final ReassemblyBuffer received = new ReassemblyBuffer();
    private final Event tick = this::onTimer;
    private FramePipe incoming;
    State state;
    private long peerFin = -1;
    private boolean peerFinDone;
    private long recentSeq;
    private int unacked;
    private long ackAt = NEVER;
    private long lastHeard;
    private int probes;
    private Timer timer;
    private long timerAt = NEVER;

    StreamEndpoint(Host host, Host peer, int localPort, int peerPort, SimConnection connection, State state) {
        this.host = host;
        this.peer = peer;
        this.localPort = localPort;
        this.peerPort = peerPort;
        this.key = Host.key(localPort, peer, peerPort);
        this.connection = connection;
        this.sim = host.network.simulator();
        this.config = host.network.streamConfig();
        this.route = host.network.route(host, peer);
        this.state = state;
        this.lastHeard = sim.now();
        this.sender = new StreamSender(this, config, sim.now());
        connection.attach(this);
    }

    /** Client side: sends the SYN carrying this side's stream. */
    void open() {
        sender.timeHandshake(sim.now());
        handshake(Packet.SYN);
    }

    /** Server side: answers a SYN that carried the peer's stream. */
    void accept(FramePipe peerStream) {
        incoming = peerStream;
        sender.timeHandshake(sim.now());
        handshake(Packet.SYN | Packet.ACK);
    }

    /** Sends (or resends) the SYN or SYN-ACK and sets the timer for its retransmission. */
    private void handshake(int flags) {
        emit(flags, 0, 0, sender.outgoing);
        sender.rtoAt = sim.now() + sender.rtt.rto();
        arm();
    }

    void write(byte[] frame) {
        sender.outgoing.append(frame);
        sender.push(sim.now());
        arm();
    }

    /** @return stream bytes written but not yet acknowledged */
    long buffered() {
        return sender.buffered();
    }

    /** The application closed: send FIN after the data (or give up a connection still opening). */
    void close() {
        if (state == State.CLOSED || sender.closing()) {
            return;
        }
        if (state != State.ESTABLISHED) {
            remove();
            return;
        }
        sender.finish(sim.now());
        arm();
        finishIfDone();
    }

    /** The host crashed: everything is gone; the application hears of it. */
    void crash(IOException cause) {
        if (state != State.CLOSED) {
            state = State.CLOSED;
            cancelTimer();
            sim.schedule(0, () -> connection.ended(cause));
        }
    }

    void onPacket(Packet p) {
        if (state == State.CLOSED) {
            return;
        }
        long now = sim.now();
        lastHeard = now;
        probes = 0;
        if (p.has(Packet.RST)) {
            abort(state == State.SYN_SENT ? new ConnectException("connection refused by " + peer + ":" + peerPort)
                    : new IOException("connection reset by " + peer + ":" + peerPort));
            return;
        }
        if (state == State.SYN_SENT) {
            if (p.has(Packet.SYN) && p.has(Packet.ACK)) {
                incoming = p.stream;
                established(now);
                emit(Packet.ACK, 0, 0, null);
                connection.opened();
                sender.push(now);
                arm();
            }
            return;
        }
        if (p.has(Packet.SYN)) {
            // a retransmitted SYN or SYN-ACK: our answer was lost
            boolean half = state == State.SYN_RECEIVED;
            emit(half ? Packet.SYN | Packet.ACK : Packet.ACK, 0, 0, half ? sender.outgoing : null);
            return;
        }
        if (state == State.SYN_RECEIVED) {
            if (!p.has(Packet.ACK)) {
                return;
            }
            established(now);
            connection.opened();
            if (state == State.CLOSED) {
                return;
            }
        }
        if (p.has(Packet.ACK)) {
            sender.onAck(p.ack, p.sack, p.length == 0 && (p.flags & (Packet.FIN | Packet.PROBE)) == 0, now);
        }
        if (state == State.CLOSED) {
            return;
        }
        if (p.length > 0 || p.has(Packet.FIN)) {
            data(p);
        } else if (p.has(Packet.PROBE)) {
            emit(Packet.ACK, sender.max, 0, null);
        }
        arm();
        finishIfDone();
    }

    private void established(long now) {
        state = State.ESTABLISHED;
        sender.handshakeDone(now);
    }

    private void data(Packet p) {
        ReassemblyBuffer.Outcome outcome = p.length > 0 ? received.add(p.seq, p.seq + p.length)
                : p.seq == received.next() ? ReassemblyBuffer.Outcome.IN_ORDER : ReassemblyBuffer.Outcome.OUT_OF_ORDER;
        recentSeq = p.seq;
        if (p.has(Packet.FIN)) {
            peerFin = p.seq + p.length;
        }
        boolean finNow = peerFin >= 0 && !peerFinDone && received.next() == peerFin;
        if (finNow) {
            peerFinDone = true;
        }
        if (outcome != ReassemblyBuffer.Outcome.IN_ORDER || received.hasHoles() || finNow || ++unacked >= config.ackEvery()) {
            emit(Packet.ACK, sender.max, 0, null);
        } else if (ackAt == NEVER) {
            ackAt = sim.now() + config.delayedAck();
        }
        long available = received.next();
        for (byte[] frame = incoming.take(available); frame != null; frame = incoming.take(available)) {
            connection.deliver(frame);
            if (state == State.CLOSED) {
                return;
            }
        }
        if (finNow) {
            connection.peerClosed();
            close();
        }
    }

    /** Sends a packet carrying this side's cumulative ACK (and SACK blocks when data waits above it). */
    void emit(int flags, long seq, int length, FramePipe stream) {
        long ack = received.next() + (peerFinDone ? 1 : 0);
        long[] sack = (flags & Packet.ACK) != 0 ? received.sackBlocks(recentSeq) : null;
        int size = config.headerBytes() + length + (sack == null ? 0 : 4 * sack.length + 4);
        Packet p = new Packet(host, peer, localPort, peerPort, flags, seq, ack, length, size, stream, sack, route);
        TrafficCounters c = sender.counters;
        c.packets++;
        c.bytes += size;
        c.payloadBytes += length;
        if ((flags & Packet.ACK) != 0) {
            unacked = 0;
            ackAt = NEVER;
        }
        host.transmit(p);
    }

    private void onTimer() {
        timer = null;
        timerAt = NEVER;
        if (state == State.CLOSED) {
            return;
        }
        long now = sim.now();
        if (ackAt <= now) {
            emit(Packet.ACK, sender.max, 0, null);
        }
        if (sender.rtoAt <= now) {
            timeout(now);
            if (state == State.CLOSED) {
                return;
            }
        }
        if (state == State.ESTABLISHED && keepaliveDue() <= now) {
            if (probes >= config.keepaliveProbes()) {
                abort(new SocketTimeoutException("no answer from " + peer + ":" + peerPort + " to " + probes + " keep-alive probes"));
                return;
            }
            probes++;
            emit(Packet.ACK | Packet.PROBE, sender.una, 0, null);
        }
        arm();
    }

    private void timeout(long now) {
        boolean alive;
        if (state == State.ESTABLISHED) {
            alive = sender.timeout(now);
        } else {
            alive = now - sender.lastProgress < config.userTimeout();
            if (alive) {
                sender.counters.timeouts++;
                sender.rtt.backoff();
                sender.untime();
                handshake(state == State.SYN_SENT ? Packet.SYN : Packet.SYN | Packet.ACK);
            }
        }
        if (!alive) {
            long waited = (now - sender.lastProgress) / Simulator.MS;
            abort(state == State.SYN_SENT ? new ConnectException("connection to " + peer + ":" + peerPort + " timed out after " + waited + " ms")
                    : new SocketTimeoutException("connection to " + peer + ":" + peerPort + " timed out: nothing acknowledged for " + waited + " ms"));
        }
    }

    private long keepaliveDue() {
        return sender.outstanding() ? NEVER : lastHeard + config.keepaliveIdle() + probes * config.keepaliveInterval();
    }

    private void arm() {
        if (state == State.CLOSED) {
            return;
        }
        long at = Math.min(Math.min(sender.rtoAt, ackAt), state == State.ESTABLISHED ? keepaliveDue() : NEVER);
        if (at < timerAt) {
            cancelTimer();
            timerAt = at;
            timer = sim.at(Math.max(at, sim.now()), tick);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        timerAt = NEVER;
    }

    private void finishIfDone() {
        if (sender.finAcknowledged() && peerFinDone && state == State.ESTABLISHED) {
            remove();
        }
    }

    private void abort(IOException cause) {
        if (state != State.CLOSED) {
            remove();
            connection.ended(cause);
        }
    }

    private void remove() {
        state = State.CLOSED;
        cancelTimer();
        host.forget(this);
    }
}
