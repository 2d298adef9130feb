package org.peerlab.sim.nat.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.peerlab.sim.nat.Candidate;
import org.peerlab.sim.nat.CandidateList;
import org.peerlab.sim.nat.ConnectivityCheck;
import org.peerlab.sim.nat.Endpoint;
import org.peerlab.sim.nat.MachineAction;
import org.peerlab.sim.nat.MachineInput;
import org.peerlab.sim.nat.NatMachine;
import org.peerlab.sim.nat.StunMessage;
import org.peerlab.sim.nat.TraversalContext;
import org.peerlab.sim.nat.TraversalOutcome;
import org.peerlab.sim.nat.TraversalPath;
import org.peerlab.sim.nat.TurnMessage;

/**
 * One side of a candidate-based attempt (direct, stun-punch, turn-relay and ICE differ only in
 * their {@link CandidatePolicy}): gather host, server-reflexive and relayed candidates, signal
 * them, pair them with the peer's by RFC 8445 priority, send paced connectivity checks, answer the
 * peer's checks with triggered checks (learning peer-reflexive addresses), and finish on the first
 * valid pair or, with nomination, on the best valid pair the controlling side selects.
 */
final class CandidateMachine implements NatMachine {

    private static final int MAIN = 0;
    private static final int DEADLINE = 0;
    private static final int STUN = 1;
    private static final int TURN = 2;
    private static final int PACE = 3;
    private static final int NOMINATE = 4;

    private final TraversalContext context;
    private final CandidatePolicy policy;
    private final CheckList checks;
    private final Map<Long, CheckList.Pair> pending = new HashMap<>();
    private final Set<Long> nominations = new HashSet<>();
    private List<MachineAction> out = new ArrayList<>();
    private long nextTransaction = 1;
    private Endpoint host;
    private Endpoint reflexive;
    private RelayClient relay;
    private boolean stunDone;
    private boolean turnDone;
    private boolean signalled;
    private boolean checking;
    private boolean nominationArmed;
    private boolean finished;
    private int stunTries;
    private long stunTx;
    private List<Candidate> remote;

    CandidateMachine(TraversalContext context, CandidatePolicy policy) {
        this.context = context;
        this.policy = policy;
        this.checks = new CheckList(context.role() == TraversalContext.Role.CONTROLLING);
    }

    @Override
    public List<MachineAction> handle(MachineInput input) {
        out = new ArrayList<>();
        switch (input) {
            case MachineInput.Start s -> {
                out.add(new MachineAction.Bind(MAIN));
                out.add(new MachineAction.SetTimer(DEADLINE, policy.timeoutNanos()));
            }
            case MachineInput.Bound b -> bound(b);
            case MachineInput.Received r -> received(r);
            case MachineInput.SignalReceived s -> {
                if (s.message() instanceof CandidateList list && list.sender().equals(context.peerTag()) && remote == null) {
                    remote = list.candidates();
                    startChecks();
                }
            }
            case MachineInput.TimerFired t -> timer(t.timer());
        }
        return out;
    }

    private void bound(MachineInput.Bound b) {
        if (b.socket() == RelayClient.TCP) {
            relay.tcpOpen(nextTransaction++, out);
            return;
        }
        host = b.local();
        stunDone = !(policy.useStun() && context.stun().isPresent());
        turnDone = !(policy.useTurn() && context.turn().isPresent());
        if (!stunDone) {
            stunTx = nextTransaction++;
            sendStun();
        }
        if (!turnDone) {
            relay = new RelayClient(context.turn().get(), policy, TURN);
            relay.allocate(MAIN, nextTransaction++, out);
        }
        maybeSignal();
    }

    private void sendStun() {
        out.add(new MachineAction.Send(MAIN, context.stun().get(), StunMessage.BindingRequest.plain(stunTx), StunMessage.REQUEST_BYTES));
        out.add(new MachineAction.SetTimer(STUN, policy.retryNanos()));
    }

    private void received(MachineInput.Received r) {
        switch (r.payload()) {
            case StunMessage.BindingResponse response when response.transaction() == stunTx && !stunDone -> {
                reflexive = response.mapped();
                stunDone = true;
                out.add(new MachineAction.CancelTimer(STUN));
                maybeSignal();
            }
            case TurnMessage.Data data when relay != null && data.data() instanceof ConnectivityCheck check -> check(true, data.peer(), check);
            case TurnMessage turn when relay != null -> {
                if (relay.onMessage(r.socket(), turn, out)) {
                    turnDone = true;
                    maybeSignal();
                }
            }
            case ConnectivityCheck check when r.socket() == MAIN -> check(false, r.from(), check);
            default -> {
                // stray or late message: ignore
            }
        }
    }

    private void timer(int timer) {
        switch (timer) {
            case DEADLINE -> finish(TraversalOutcome.failed(failureReason()));
            case STUN -> {
                if (!stunDone && ++stunTries < policy.tries()) {
                    sendStun();
                } else if (!stunDone) {
                    stunDone = true;
                    maybeSignal();
                }
            }
            case TURN -> {
                if (relay.onTimer(out)) {
                    turnDone = true;
                    maybeSignal();
                }
            }
            case PACE -> {
                CheckList.Pair next = checks.next(relay != null && relay.ready());
                if (next != null) {
                    request(next, false);
                }
                out.add(new MachineAction.SetTimer(PACE, policy.pacingNanos()));
            }
            case NOMINATE -> {
                CheckList.Pair best = checks.bestValid();
                if (best != null && !finished) {
                    nominations.add(request(best, true));
                    out.add(new MachineAction.SetTimer(NOMINATE, 5 * policy.pacingNanos()));
                }
            }
            default -> throw new IllegalStateException("unknown timer " + timer);
        }
    }

    private void maybeSignal() {
        if (signalled || !stunDone || !turnDone || host == null) {
            return;
        }
        signalled = true;
        List<Candidate> mine = new ArrayList<>();
        mine.add(new Candidate(Candidate.Kind.HOST, host));
        if (reflexive != null) {
            mine.add(new Candidate(Candidate.Kind.SERVER_REFLEXIVE, reflexive));
        }
        if (relay != null && relay.relayed() != null) {
            mine.add(new Candidate(Candidate.Kind.RELAY, relay.relayed()));
        }
        out.add(new MachineAction.Signal(new CandidateList(context.localTag(), mine)));
        startChecks();
    }

    private void startChecks() {
        if (!signalled || remote == null || checking) {
            return;
        }
        checking = true;
        boolean relayBase = policy.relayBase() && relay != null && relay.relayed() != null;
        if (relayBase) {
            relay.permit(nextTransaction++, remote.stream().map(c -> c.address().ip()).distinct().toList(), out);
        }
        for (Candidate c : remote) {
            if (!policy.remoteKinds().contains(c.kind())) {
                continue;
            }
            boolean direct = c.kind() == Candidate.Kind.HOST || remote.stream()
                    .anyMatch(h -> h.kind() == Candidate.Kind.HOST && h.address().equals(c.address()));
            boolean stunFailed = policy.useStun() && context.stun().isPresent() && reflexive == null;
            if (policy.socketBase() && (c.kind() == Candidate.Kind.HOST || !stunFailed)) {
                checks.add(false, c.address(), c.kind(), direct);
            }
            if (relayBase) {
                checks.add(true, c.address(), c.kind(), false);
            }
        }
        if (checks.isEmpty()) {
            finish(TraversalOutcome.failed(failureReason()));
        } else {
            out.add(new MachineAction.SetTimer(PACE, 0));
        }
    }

    private void check(boolean viaRelay, Endpoint from, ConnectivityCheck check) {
        if (!check.receiver().equals(context.localTag()) || !check.sender().equals(context.peerTag())) {
            return;
        }
        switch (check) {
            case ConnectivityCheck.Request request -> {
                send(viaRelay, from, new ConnectivityCheck.Response(request.transaction(), context.localTag(), context.peerTag(), from));
                if (!checking || (viaRelay ? !policy.relayBase() : !policy.socketBase())) {
                    return;
                }
                CheckList.Pair pair = checks.find(viaRelay, from);
                if (pair == null) {
                    pair = checks.add(viaRelay, from, Candidate.Kind.PEER_REFLEXIVE, request.direct());
                }
                pair.nominatedByPeer |= request.nominate();
                if (!pair.valid) {
                    request(pair, false);
                } else if (pair.nominatedByPeer || !policy.nominate()) {
                    finish(outcome(pair));
                }
            }
            case ConnectivityCheck.Response response -> {
                CheckList.Pair pair = pending.remove(response.transaction());
                if (pair == null || pair.relay != viaRelay || !pair.remote.equals(from)) {
                    return;
                }
                pair.valid = true;
                boolean controlling = context.role() == TraversalContext.Role.CONTROLLING;
                if (!policy.nominate() || nominations.contains(response.transaction()) || (!controlling && pair.nominatedByPeer)) {
                    finish(outcome(pair));
                } else if (controlling && !nominationArmed) {
                    nominationArmed = true;
                    out.add(new MachineAction.SetTimer(NOMINATE, policy.nominationNanos()));
                }
            }
        }
    }

    private long request(CheckList.Pair pair, boolean nominate) {
        long tx = nextTransaction++;
        pending.put(tx, pair);
        send(pair.relay, pair.remote, new ConnectivityCheck.Request(tx, context.localTag(), context.peerTag(), pair.direct, nominate));
        return tx;
    }

    private void send(boolean viaRelay, Endpoint to, ConnectivityCheck message) {
        if (viaRelay) {
            relay.send(to, message, ConnectivityCheck.BYTES, out);
        } else {
            out.add(new MachineAction.Send(MAIN, to, message, ConnectivityCheck.BYTES));
        }
    }

    private TraversalOutcome outcome(CheckList.Pair pair) {
        TraversalPath path = pair.relay || pair.kind == Candidate.Kind.RELAY ? TraversalPath.RELAYED
                : pair.direct ? TraversalPath.DIRECT : TraversalPath.PUNCHED;
        String reason = (pair.relay ? "relay" : "socket") + " -> " + pair.kind.name().toLowerCase(java.util.Locale.ROOT) + " " + pair.remote;
        return new TraversalOutcome(path, reason, pair.relay ? relay.socket() : MAIN, pair.remote);
    }

    private void finish(TraversalOutcome outcome) {
        if (finished) {
            return;
        }
        finished = true;
        out.add(new MachineAction.CancelTimer(DEADLINE));
        out.add(new MachineAction.CancelTimer(PACE));
        out.add(new MachineAction.CancelTimer(NOMINATE));
        out.add(new MachineAction.Finish(outcome));
    }

    private String failureReason() {
        if (!signalled) {
            return "gathering did not finish";
        }
        if (remote == null) {
            return "no candidates from the peer";
        }
        if (checks.isEmpty()) {
            return "no candidate pair to check (reflexive " + (reflexive != null) + ", relayed " + (relay != null && relay.relayed() != null)
                    + ", peer offered " + remote.size() + ")";
        }
        return "no check answered on " + checks.size() + " pairs";
    }
}
