package org.peerlab.sim.nat.internal;

import java.util.List;

import org.peerlab.sim.nat.Endpoint;
import org.peerlab.sim.nat.MachineAction;
import org.peerlab.sim.nat.TurnMessage;

/**
 * The TURN client part of a {@link CandidateMachine}: allocation over UDP with retransmission,
 * fallback to TCP, permissions, and wrapping data in Send indications. Appends actions to the
 * list it is given; owns one timer id.
 */
final class RelayClient {

    /** The socket id of the TCP connection to the relay. */
    static final int TCP = 1;

    private final Endpoint server;
    private final CandidatePolicy policy;
    private final int timer;
    private long transaction;
    private int tries;
    private boolean overTcp;
    private boolean done;
    private boolean ready;
    private int socket;
    private Endpoint relayed;
    private long permissionTx = -1;
    private List<Integer> permitted = List.of();

    RelayClient(Endpoint server, CandidatePolicy policy, int timer) {
        this.server = server;
        this.policy = policy;
        this.timer = timer;
    }

    /** Sends the first Allocate from socket {@code main}. */
    void allocate(int main, long tx, List<MachineAction> out) {
        socket = main;
        transaction = tx;
        out.add(new MachineAction.Send(main, server, new TurnMessage.Allocate(tx), TurnMessage.CONTROL_BYTES));
        out.add(new MachineAction.SetTimer(timer, policy.retryNanos()));
    }

    /** The TCP connection is open: allocate over it. */
    void tcpOpen(long tx, List<MachineAction> out) {
        socket = TCP;
        transaction = tx;
        out.add(new MachineAction.Send(TCP, server, new TurnMessage.Allocate(tx), TurnMessage.CONTROL_BYTES));
    }

    /** @return whether this message ended the allocation phase */
    boolean onMessage(int from, TurnMessage message, List<MachineAction> out) {
        if (message instanceof TurnMessage.AllocateOk ok && ok.transaction() == transaction && !done) {
            relayed = ok.relayed();
            socket = from;
            done = true;
            out.add(new MachineAction.CancelTimer(timer));
            return true;
        }
        if (message instanceof TurnMessage.PermissionOk ok && ok.transaction() == permissionTx) {
            ready = true;
            out.add(new MachineAction.CancelTimer(timer));
        }
        return false;
    }

    /** @return whether the timer ended the allocation phase (the relay is given up) */
    boolean onTimer(List<MachineAction> out) {
        if (done) {
            if (relayed != null && !ready && permissionTx > 0) {
                sendPermission(out);
            }
            return false;
        }
        if (!overTcp && ++tries < policy.tries()) {
            out.add(new MachineAction.Send(socket, server, new TurnMessage.Allocate(transaction), TurnMessage.CONTROL_BYTES));
            out.add(new MachineAction.SetTimer(timer, policy.retryNanos()));
            return false;
        }
        if (!overTcp && policy.tcpFallback()) {
            overTcp = true;
            out.add(new MachineAction.OpenTcp(TCP, server));
            out.add(new MachineAction.SetTimer(timer, policy.retryNanos() * policy.tries()));
            return false;
        }
        done = true;
        return true;
    }

    /** Installs permissions for {@code ips}, retransmitting until confirmed. */
    void permit(long tx, List<Integer> ips, List<MachineAction> out) {
        permissionTx = tx;
        permitted = List.copyOf(ips);
        sendPermission(out);
    }

    private void sendPermission(List<MachineAction> out) {
        out.add(new MachineAction.Send(socket, server, new TurnMessage.CreatePermission(permissionTx, permitted), TurnMessage.CONTROL_BYTES));
        out.add(new MachineAction.SetTimer(timer, policy.retryNanos()));
    }

    /** Relays {@code message} ({@code bytes} long) to {@code to}. */
    void send(Endpoint to, Object message, int bytes, List<MachineAction> out) {
        out.add(new MachineAction.Send(socket, server, new TurnMessage.Send(to, message, bytes), bytes + TurnMessage.OVERHEAD_BYTES));
    }

    boolean done() {
        return done;
    }

    /** @return whether permissions are installed and relaying can start */
    boolean ready() {
        return ready;
    }

    /** @return the relayed address, or {@code null} */
    Endpoint relayed() {
        return relayed;
    }

    /** @return the socket id the relay is reached on */
    int socket() {
        return socket;
    }
}
