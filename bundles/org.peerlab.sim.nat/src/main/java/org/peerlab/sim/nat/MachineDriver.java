package org.peerlab.sim.nat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.peerlab.sim.Simulator;
import org.peerlab.sim.Timer;

/**
 * Runs one {@link NatMachine} on a simulated {@link Host} in virtual time: binds its sockets,
 * sends its datagrams, keeps its timers, hands its signaling messages to a consumer and records
 * its result. Inputs caused by actions (a {@code Bound} after a {@code Bind}) are queued and fed
 * after the current batch, so the machine is never re-entered. Simulation thread only.
 */
public final class MachineDriver {

    private final Simulator simulator;
    private final Host host;
    private final NatMachine machine;
    private final Consumer<Object> signals;
    private final Consumer<MachineDriver> onFinish;
    private final Map<Integer, UdpSocket> udp = new HashMap<>();
    private final Map<Integer, TcpConnection> tcp = new HashMap<>();
    private final Map<Integer, Endpoint> tcpServers = new HashMap<>();
    private final Map<Integer, Timer> timers = new HashMap<>();
    private final ArrayDeque<MachineInput> inbox = new ArrayDeque<>();
    private boolean draining;
    private boolean closed;
    private Object result;
    private long finishedAt = -1;

    /**
     * @param signals  receives each message the machine signals to its peer
     * @param onFinish told once when the machine finishes
     */
    public MachineDriver(Simulator simulator, Host host, NatMachine machine, Consumer<Object> signals,
            Consumer<MachineDriver> onFinish) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.host = Objects.requireNonNull(host, "host");
        this.machine = Objects.requireNonNull(machine, "machine");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.onFinish = Objects.requireNonNull(onFinish, "onFinish");
    }

    /** Feeds {@link MachineInput.Start}. */
    public void start() {
        feed(new MachineInput.Start());
    }

    /** Feeds a message from the peer's signaling. */
    public void signal(Object message) {
        feed(new MachineInput.SignalReceived(message));
    }

    /** @return the UDP socket the machine calls {@code id}, or {@code null} */
    public UdpSocket socket(int id) {
        return udp.get(id);
    }

    /** @return whether the machine has finished */
    public boolean finished() {
        return finishedAt >= 0;
    }

    /** @return the machine's result, or {@code null} before it finishes */
    public Object result() {
        return result;
    }

    /** @return virtual time of the finish in nanoseconds, or -1 */
    public long finishedAt() {
        return finishedAt;
    }

    /** Cancels the timers and closes the sockets; the machine gets no further input. */
    public void close() {
        closed = true;
        timers.values().forEach(Timer::cancel);
        udp.values().forEach(UdpSocket::close);
        tcp.values().forEach(TcpConnection::close);
    }

    private void feed(MachineInput input) {
        if (closed) {
            return;
        }
        inbox.add(input);
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (!inbox.isEmpty() && !closed) {
                for (MachineAction action : machine.handle(inbox.poll())) {
                    execute(action);
                }
            }
        } finally {
            draining = false;
        }
    }

    private void execute(MachineAction action) {
        switch (action) {
            case MachineAction.Bind bind -> {
                UdpSocket socket = host.bind();
                udp.put(bind.socket(), socket);
                socket.onReceive(d -> feed(new MachineInput.Received(bind.socket(), d.source(), d.payload())));
                inbox.add(new MachineInput.Bound(bind.socket(), socket.local()));
            }
            case MachineAction.OpenTcp open -> {
                TcpConnection connection = host.openTcp(open.server());
                if (connection != null) {
                    tcp.put(open.socket(), connection);
                    tcpServers.put(open.socket(), open.server());
                    connection.onReceive(m -> feed(new MachineInput.Received(open.socket(), open.server(), m)));
                    inbox.add(new MachineInput.Bound(open.socket(), null));
                }
            }
            case MachineAction.Send send -> {
                UdpSocket socket = udp.get(send.socket());
                if (socket != null) {
                    socket.send(send.to(), send.payload(), send.bytes());
                } else if (tcp.containsKey(send.socket())) {
                    tcp.get(send.socket()).send(send.payload(), send.bytes());
                } else {
                    throw new IllegalStateException("machine sent on socket " + send.socket() + ", which it never opened");
                }
            }
            case MachineAction.Signal signal -> signals.accept(signal.message());
            case MachineAction.SetTimer set -> {
                Timer old = timers.put(set.timer(), simulator.schedule(set.delayNanos(),
                        () -> feed(new MachineInput.TimerFired(set.timer()))));
                if (old != null) {
                    old.cancel();
                }
            }
            case MachineAction.CancelTimer cancel -> {
                Timer old = timers.remove(cancel.timer());
                if (old != null) {
                    old.cancel();
                }
            }
            case MachineAction.Finish finish -> {
                if (finishedAt >= 0) {
                    throw new IllegalStateException("machine finished twice: " + result + " then " + finish.result());
                }
                result = finish.result();
                finishedAt = simulator.now();
                onFinish.accept(this);
            }
        }
    }
}
